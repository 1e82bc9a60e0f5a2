using System.Collections.Concurrent;
using KeraLua;
using LlmSpell.Scripting;
using LuaState = KeraLua.Lua;

namespace LlmSpell.Scripting.Lua;

/// <summary>
/// Binds neutral script API definitions to Lua. Every C# entry point is one static
/// <see cref="LuaFunction"/> whose first upvalue selects an entry; it returns
/// <c>(true, results...)</c> or <c>(false, message)</c> and a Lua wrapper raises, because raising a
/// Lua error (longjmp) across managed frames is undefined behaviour.
/// </summary>
/// <remarks>Single-threaded: used only on the script thread that owns the Lua state.</remarks>
internal sealed partial class LuaBridge
{
    private static readonly LuaFunction Dispatch = OnCall;
    private static readonly LuaFunction Collect = OnGc;
    private static readonly LuaFunction Display = OnToString;

    [ThreadStatic]
    private static LuaBridge? t_current;

    private readonly List<Entry> _entries = [null!];
    private readonly ConcurrentQueue<int> _pendingUnrefs = new();
    private int _helpersRef;

    public LuaBridge(ScriptDispatcher dispatcher)
    {
        Dispatcher = dispatcher;
        Objects = new LuaObjects(this);
        Converter = new LuaConverter(this);
    }

    public ScriptDispatcher Dispatcher { get; }

    public LuaObjects Objects { get; }

    public LuaConverter Converter { get; }

    /// <summary>Pointer identity of the JSON.null sentinel userdata.</summary>
    public IntPtr NullSentinel { get; private set; }

    public int NullRef { get; private set; }

    public int ArrayMetaRef { get; private set; }

    public int ObjectMetaRef { get; private set; }

    public int NamedMetaRef { get; private set; }

    private readonly List<CancellationToken> _callbackTokens = [];

    /// <summary>
    /// Registers the cancellation of a script callback being run (a Lua tool with a time limit);
    /// the instruction hook interrupts the callback when it is cancelled. Dispose when it returns.
    /// </summary>
    public IDisposable WatchCallback(CancellationToken token)
    {
        _callbackTokens.Add(token);
        return new CallbackWatch(this);
    }

    /// <summary>True when a running script callback has been cancelled (checked by the instruction hook).</summary>
    public bool CallbackCancelled
    {
        get
        {
            foreach (var t in _callbackTokens)
            {
                if (t.IsCancellationRequested)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class CallbackWatch(LuaBridge bridge) : IDisposable
    {
        public void Dispose() => bridge._callbackTokens.RemoveAt(bridge._callbackTokens.Count - 1);
    }

    /// <summary>Text of the error that interrupts the run (cancellation, os.exit), once set.</summary>
    public string? InterruptMessage { get; set; }

    /// <summary>Makes this bridge the one serving callbacks on the current thread.</summary>
    public void Activate() => t_current = this;

    /// <summary>Creates the registry objects the bridge needs. <paramref name="helpers"/> is the table returned by bridge.lua.</summary>
    public void Initialize(LuaState l, int helpersRef)
    {
        _helpersRef = helpersRef;
        Objects.Initialize(l);

        l.NewUserData(1);
        NullSentinel = l.ToUserData(-1);
        l.NewTable();
        PushRawFunction(l, _ => "null");
        l.SetField(-2, "__tostring");
        l.PushString("JSON.null");
        l.SetField(-2, "__name");
        l.SetMetaTable(-2);
        NullRef = l.Ref(LuaRegistry.Index);

        ArrayMetaRef = MarkerTable(l, "array");
        ObjectMetaRef = MarkerTable(l, "object");

        // Named tables (provider tables) show their name in tostring and concatenation.
        l.NewTable();
        l.PushString("object");
        l.SetField(-2, "__jsontype");
        l.DoString("""
            local rawget, tostring = rawget, tostring
            local function name(v) if type(v) == "table" then return tostring(rawget(v, "name")) end return v end
            return function(t) return tostring(rawget(t, "name")) end, function(a, b) return name(a) .. name(b) end
            """);
        l.SetField(-3, "__concat");
        l.SetField(-2, "__tostring");
        NamedMetaRef = l.Ref(LuaRegistry.Index);
    }

    private static int MarkerTable(LuaState l, string kind)
    {
        l.NewTable();
        l.PushString(kind);
        l.SetField(-2, "__jsontype");
        return l.Ref(LuaRegistry.Index);
    }

    /// <summary>Pushes a wrapped Lua function calling <paramref name="fn"/>.</summary>
    public void PushFunction(LuaState l, string api, ScriptFunction fn) =>
        PushWrapped(l, Add(new Entry(EntryKind.Function, api) { Function = fn }));

    /// <summary>Pushes an unwrapped internal function (its results are pushed as-is, it never fails).</summary>
    public void PushRawFunction(LuaState l, Func<LuaState, object?> fn)
    {
        var id = Add(new Entry(EntryKind.Raw, "") { Raw = fn });
        l.PushInteger(id);
        l.PushCClosure(Dispatch, 1);
    }

    /// <summary>Pushes a wrapped internal function over the raw state (for prelude helpers).</summary>
    public void PushStateFunction(LuaState l, string api, Func<LuaState, object?> fn) =>
        PushWrapped(l, Add(new Entry(EntryKind.State, api) { Raw = fn }));

    /// <summary>Pushes a wrapped function that resolves dynamic keys of a global table (__index).</summary>
    public void PushIndexFunction(LuaState l, string api, Func<string, object?> index) =>
        PushWrapped(l, Add(new Entry(EntryKind.Index, api) { Index = index }));

    private int Add(Entry e)
    {
        _entries.Add(e);
        return _entries.Count - 1;
    }

    private void PushWrapped(LuaState l, int id)
    {
        l.RawGetInteger((int)LuaRegistry.Index, _helpersRef);
        l.GetField(-1, "wrap");
        l.PushInteger(id);
        l.PushCClosure(Dispatch, 1);
        l.Call(1, 1);
        l.Remove(-2);
    }

    /// <summary>Builds the metatable of a script object type; returns its registry reference.</summary>
    public int BuildMetatable(LuaState l, ScriptObjectType type)
    {
        l.NewTable();
        l.PushBoolean(true);
        l.SetField(-2, "__llmspell");
        l.PushString(type.Name);
        l.SetField(-2, "__name");
        var typeId = Add(new Entry(EntryKind.Type, type.Name) { Type = type });
        l.PushInteger(typeId);
        l.PushCClosure(Collect, 1);
        l.SetField(-2, "__gc");
        l.PushInteger(typeId);
        l.PushCClosure(Display, 1);
        l.SetField(-2, "__tostring");

        l.RawGetInteger((int)LuaRegistry.Index, _helpersRef);
        l.GetField(-1, type.AllowDotForm ? "builder_index" : "object_index");
        l.NewTable();
        foreach (var (name, method) in type.Methods)
        {
            PushWrapped(l, Add(new Entry(EntryKind.Method, $"{type.Name}:{name}") { Method = method, Type = type }));
            l.SetField(-2, name);
        }

        PushWrapped(l, Add(new Entry(EntryKind.Field, type.Name) { Type = type }));
        l.Call(2, 1);
        l.SetField(-3, "__index");
        l.Pop(1);
        return l.Ref(LuaRegistry.Index);
    }

    public IScriptFunction CreateFunctionRef(LuaState l, int index)
    {
        l.PushCopy(index);
        var reference = l.Ref(LuaRegistry.Index);
        l.PushCopy(index);
        var location = "";
        var ar = new LuaDebug();
        if (l.GetInfo(">S", ref ar))
        {
            location = ar.LineDefined > 0 ? $"{ar.ShortSource}:{ar.LineDefined}" : ar.ShortSource;
        }

        return new LuaFunctionRef(this, reference, location);
    }

    public IScriptTable CreateTableRef(LuaState l, int index)
    {
        l.PushCopy(index);
        return new LuaTableRef(this, l.Ref(LuaRegistry.Index));
    }

    /// <summary>Queues a registry reference for release on the script thread (called from finalizers).</summary>
    public void ReleaseLater(int reference) => _pendingUnrefs.Enqueue(reference);

    /// <summary>The main Lua state (set by the engine).</summary>
    public LuaState Main { get; set; } = null!;

    /// <summary>
    /// The state of the thread (main or coroutine) currently calling into C#; callbacks run on it
    /// so a callback made while a coroutine is running uses the running thread's stack.
    /// </summary>
    public LuaState Current => _current ?? Main;

    private LuaState? _current;

    private void DrainUnrefs(LuaState l)
    {
        while (_pendingUnrefs.TryDequeue(out var r))
        {
            l.Unref(LuaRegistry.Index, r);
        }
    }

    private enum EntryKind
    {
        Function,
        Method,
        Field,
        Index,
        Raw,
        State,
        Type,
    }

    private sealed class Entry(EntryKind kind, string api)
    {
        public EntryKind Kind { get; } = kind;

        public string Api { get; } = api;

        public ScriptFunction? Function { get; init; }

        public ScriptMethod? Method { get; init; }

        public ScriptObjectType? Type { get; init; }

        public Func<string, object?>? Index { get; init; }

        public Func<LuaState, object?>? Raw { get; init; }
    }
}
