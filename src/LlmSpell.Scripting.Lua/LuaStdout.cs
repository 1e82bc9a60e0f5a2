using System.Runtime.InteropServices;
using LlmSpell.Output;

namespace LlmSpell.Scripting.Lua;

/// <summary>
/// Writes stdout through the C <c>FILE*</c> of Lua's <c>io.stdout</c>, so <c>print</c>, <c>io.write</c>
/// and platform output share one buffer and keep their order (runtime.md §5.2).
/// </summary>
internal sealed unsafe partial class LuaStdout(IntPtr file) : RunOutput.IStdoutSink
{
    private const int LineBuffered = 1;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        fixed (byte* p = bytes)
        {
            _ = Fwrite(p, 1, (nuint)bytes.Length, file);
        }
    }

    public void Flush() => _ = Fflush(file);

    /// <summary>Makes the stream line-buffered so io.write output appears at every newline.</summary>
    public void UseLineBuffering() => _ = Setvbuf(file, IntPtr.Zero, LineBuffered, 0);

    [LibraryImport("libc", EntryPoint = "fwrite")]
    private static partial nuint Fwrite(byte* ptr, nuint size, nuint count, IntPtr stream);

    [LibraryImport("libc", EntryPoint = "fflush")]
    private static partial int Fflush(IntPtr stream);

    [LibraryImport("libc", EntryPoint = "setvbuf")]
    private static partial int Setvbuf(IntPtr stream, IntPtr buf, int mode, nuint size);
}
