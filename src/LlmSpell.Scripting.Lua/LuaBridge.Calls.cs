using System.Text;
using KeraLua;
using LlmSpell.Scripting;
using LuaState = KeraLua.Lua;

namespace LlmSpell.Scripting.Lua;

/// <summary>The C# side of every call from Lua: argument view, invocation, error translation, results.</summary>
internal sealed partial class LuaBridge
{
    /// <summary>Diagnostics sink for unexpected exceptions (their details never reach the script).</summary>
    public Action<string>? Trace { get; set; }

    /// <summary>True while C# code called from Lua is running (allocation failures must not longjmp through it).</summary>
    public bool InCallback => _callDepth > 0;

    private int _callDepth;

    private static int OnCall(IntPtr state)
    {
        var l = LuaState.FromIntPtr(state);
        var bridge = t_current!;
        var entry = bridge._entries[(int)l.ToInteger(LuaState.UpValueIndex(1))];
        if (entry.Kind == EntryKind.Raw)
        {
            var before = l.GetTop();
            var value = entry.Raw!(l);
            bridge.Converter.PushResult(l, value);
            return l.GetTop() - before;
        }

        return bridge.Invoke(l, entry);
    }

    private int Invoke(LuaState l, Entry entry)
    {
        if (!_pendingUnrefs.IsEmpty)
        {
            DrainUnrefs(l);
        }

        var top = l.GetTop();
        var api = entry.Api;
        var previous = _current;
        _current = l;
        _callDepth++;
        try
        {
            if (InterruptMessage is { } interrupted && entry.Kind is EntryKind.Function or EntryKind.Method)
            {
                return Fail(l, top, interrupted, located: false);
            }

            object? result;
            switch (entry.Kind)
            {
                case EntryKind.Function:
                    result = entry.Function!(new LuaArgs(this, l, 1, top, api));
                    break;
                case EntryKind.Method:
                    var self = Objects.TryGet(l, 1);
                    if (self is null || !ReferenceEquals(self.Type, entry.Type))
                    {
                        throw new ScriptException($"{api}: bad argument #0 'self': expected {entry.Type!.Name}, got {(top == 0 ? "no value" : l.TypeName(1))}; call it as obj:{api[(api.IndexOf(':', StringComparison.Ordinal) + 1)..]}(...)");
                    }

                    result = entry.Method!(self, new LuaArgs(this, l, 2, Math.Max(0, top - 1), api));
                    break;
                case EntryKind.Field:
                    var obj = Objects.TryGet(l, 1);
                    var key = l.Type(2) == LuaType.String ? Encoding.UTF8.GetString(l.ToBuffer(2, false)) : null;
                    result = obj is not null && key is not null && obj.Type.Fields.TryGetValue(key, out var getter) ? getter(obj) : null;
                    break;
                case EntryKind.Index:
                    var name = l.Type(2) == LuaType.String ? Encoding.UTF8.GetString(l.ToBuffer(2, false)) : null;
                    result = name is null ? null : entry.Index!(name);
                    break;
                default:
                    result = entry.Raw!(l);
                    break;
            }

            l.PushBoolean(true);
            Converter.PushResult(l, result);
            return l.GetTop() - top;
        }
        catch (ScriptCallbackException ex)
        {
            // A script callback's own error keeps its own location (runtime.md §9.2).
            return Fail(l, top, ex.Message, located: false);
        }
        catch (ScriptException ex)
        {
            return Fail(l, top, ex.Message, located: true);
        }
        catch (OperationCanceledException)
        {
            return Fail(l, top, InterruptMessage ?? "interrupted", located: false);
        }
        catch (Exception ex)
        {
            Trace?.Invoke($"{api}: unexpected {ex}");
            return Fail(l, top, $"{api}: internal error: {ex.Message}", located: true);
        }
        finally
        {
            _current = previous;
            _callDepth--;
        }
    }

    private static int Fail(LuaState l, int top, string message, bool located)
    {
        l.SetTop(top);
        l.PushBoolean(false);
        l.PushString(located ? Where(l) + message : message);
        return 2;
    }

    /// <summary>
    /// The "file:line: " of the script line that called the API, as luaL_where reports it: the first
    /// frame above the binding's own wrapper; empty when that frame is not Lua code.
    /// </summary>
    public static string Where(LuaState l)
    {
        var ar = new LuaDebug();
        for (var level = 1; l.GetStack(level, ref ar) != 0; level++)
        {
            if (!l.GetInfo("Sl", ref ar))
            {
                break;
            }

            if (ar.Source == "=[llmspell]")
            {
                continue;
            }

            return ar.CurrentLine > 0 ? $"{ar.ShortSource}:{ar.CurrentLine}: " : "";
        }

        return "";
    }

    private static int OnGc(IntPtr state)
    {
        var l = LuaState.FromIntPtr(state);
        t_current?.Objects.Release(LuaObjects.IdOf(l, 1));
        return 0;
    }

    private static int OnToString(IntPtr state)
    {
        var l = LuaState.FromIntPtr(state);
        var obj = t_current?.Objects.TryGet(l, 1);
        l.PushString(obj?.DisplayText ?? "userdata");
        return 1;
    }
}
