using System.Runtime.InteropServices;
using KeraLua;

namespace LlmSpell.Scripting.Lua;

/// <summary>
/// Allocator enforcing engines.lua.max_memory_bytes: when an allocation would exceed the limit it
/// fails, and Lua raises "not enough memory" (catchable). Allocations made while C# code is running
/// inside a callback are never refused, because Lua would then raise through managed frames.
/// </summary>
internal sealed unsafe class LuaMemoryLimit(long limit, Func<bool> inCallback) : IDisposable
{
    private long _inUse;

    public LuaAlloc Allocator => _allocator ??= Allocate;

    private LuaAlloc? _allocator;

    public long InUse => _inUse;

    private IntPtr Allocate(IntPtr ud, IntPtr ptr, UIntPtr osize, UIntPtr nsize)
    {
        var oldSize = ptr == IntPtr.Zero ? 0 : (long)osize;
        if (nsize == 0)
        {
            NativeMemory.Free((void*)ptr);
            _inUse -= oldSize;
            return IntPtr.Zero;
        }

        var delta = (long)nsize - oldSize;
        if (delta > 0 && _inUse + delta > limit && !inCallback())
        {
            return IntPtr.Zero;
        }

        var result = (IntPtr)NativeMemory.Realloc((void*)ptr, nsize);
        if (result != IntPtr.Zero)
        {
            _inUse += delta;
        }

        return result;
    }

    public void Dispose() => GC.KeepAlive(_allocator);
}
