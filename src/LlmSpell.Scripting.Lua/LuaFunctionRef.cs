using KeraLua;
using LlmSpell.Scripting;
using LuaState = KeraLua.Lua;

namespace LlmSpell.Scripting.Lua;

/// <summary>
/// A Lua function held by the platform (callback, hook, Lua tool). Calls from worker threads are
/// queued to the script thread (runtime.md §4.3); the registry reference is released on the script
/// thread after the wrapper is collected.
/// </summary>
internal sealed class LuaFunctionRef(LuaBridge bridge, int reference, string location) : IScriptFunction
{
    ~LuaFunctionRef() => bridge.ReleaseLater(reference);

    public string Location { get; } = location;

    public void Push(LuaState l) => l.RawGetInteger((int)LuaRegistry.Index, reference);

    public object? Call(params object?[] args) => bridge.Dispatcher.Invoke(() => CallOnScriptThread(args, CancellationToken.None));

    public object? CallWithCancellation(CancellationToken cancellationToken, params object?[] args) =>
        bridge.Dispatcher.Invoke(() => CallOnScriptThread(args, cancellationToken));

    private object? CallOnScriptThread(object?[] args, CancellationToken cancellationToken)
    {
        using var watch = bridge.WatchCallback(cancellationToken);
        var l = bridge.Current;
        var top = l.GetTop();
        l.CheckStack(args.Length + 4);
        Push(l);
        foreach (var a in args)
        {
            bridge.Converter.PushValue(l, a);
        }

        var status = l.PCall(args.Length, 1, 0);
        try
        {
            if (status != LuaStatus.OK)
            {
                throw new ScriptCallbackException(LuaEngine.ErrorText(bridge, l, -1));
            }

            return l.Type(-1) == LuaType.Nil ? null : ToResult(l);
        }
        finally
        {
            l.SetTop(top);
        }
    }

    private object? ToResult(LuaState l) => l.Type(-1) switch
    {
        LuaType.Boolean => l.ToBoolean(-1),
        LuaType.Number when l.IsInteger(-1) => l.ToInteger(-1),
        LuaType.Number => l.ToNumber(-1),
        LuaType.String => System.Text.Encoding.UTF8.GetString(l.ToBuffer(-1, false)),
        _ => bridge.Converter.ToNode(l, -1, "result", allowCallables: true),
    };
}
