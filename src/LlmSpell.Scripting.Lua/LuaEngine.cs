using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using KeraLua;
using LlmSpell.Runtime;
using LlmSpell.Scripting;
using LlmSpell.Security;
using LlmSpell.Values;
using LuaState = KeraLua.Lua;

namespace LlmSpell.Scripting.Lua;

/// <summary>
/// One Lua 5.4 state for one run (runtime.md §2): standard libraries per sandbox level, the
/// platform's print, the globals of the script API, ARGS/arg, require paths and the interruption
/// hook. Create and use it on the script thread.
/// </summary>
public sealed partial class LuaEngine : IScriptEngine
{
    private const string InternalChunk = "=[llmspell]";
    private readonly RunContext _context;
    private readonly LuaEngineOptions _options;
    private readonly LuaBridge _bridge;
    private readonly LuaMemoryLimit? _memory;
    private readonly LuaState _lua;
    private readonly int _helpersRef;
    private long _instructions;
    private string? _lastTraceback;

    public LuaEngine(RunContext context, IEnumerable<IScriptGlobal> globals, LuaEngineOptions options, FileSandbox? sandbox = null, EnvironmentPolicy? environment = null)
    {
        _context = context;
        _options = options;
        context.Dispatcher = new ScriptDispatcher(context.Cancellation);
        _bridge = new LuaBridge(context.Dispatcher) { Trace = m => context.Log(2, m) };
        _bridge.Activate();
        if (options.MaxMemoryBytes > 0)
        {
            _memory = new LuaMemoryLimit(options.MaxMemoryBytes, () => _bridge.InCallback);
            _lua = new LuaState(_memory.Allocator, IntPtr.Zero);
        }
        else
        {
            _lua = new LuaState(openLibs: false);
        }

        _lua.Encoding = Encoding.UTF8;
        _lua.OpenLibs();
        _bridge.Main = _lua;
        _helpersRef = LoadHelpers();
        _bridge.Initialize(_lua, _helpersRef);
        InstallOutput();
        InstallHook();
        InstallExit();
        InstallRequirePath();
        if (options.RandomSeed is { } seed)
        {
            _lua.DoString($"math.randomseed({seed})");
        }

        LuaGlobals.Register(_lua, _bridge, globals);
        LuaGlobals.RegisterArguments(_lua, ScriptArguments.Parse(context.Script.DisplayName, context.Script.Arguments));
        ApplySandbox(sandbox ?? new FileSandbox(["/tmp"], Directory.GetCurrentDirectory()), environment ?? new EnvironmentPolicy());
    }

    public string Name => "lua";

    /// <summary>Exit code requested by os.exit, if the script called it.</summary>
    public int? ExitCode { get; private set; }

    /// <summary>Bytes currently allocated by the state (when a memory limit is set), else from the collector.</summary>
    public long MemoryInUse => _memory?.InUse ?? (long)_lua.GarbageCollector(LuaGC.Count, 0) * 1024;

    public ScriptRunResult Execute(byte[] code, string chunkName)
    {
        _bridge.Activate();
        var l = _lua;
        var top = l.GetTop();
        try
        {
            code = StripPreamble(code);
            var msgh = 0;
            if (_options.CaptureTraceback)
            {
                PushMessageHandler();
                msgh = l.GetTop();
            }

            if (l.LoadBuffer(code, chunkName) != LuaStatus.OK)
            {
                return new ScriptRunResult { Error = ErrorText(_bridge, l, -1) };
            }

            var status = l.PCall(0, 1, msgh);
            if (ExitCode is { } exit)
            {
                return new ScriptRunResult { Success = true, ExitCode = exit };
            }

            if (status != LuaStatus.OK)
            {
                return new ScriptRunResult
                {
                    Error = ErrorText(_bridge, l, -1),
                    Interrupted = _bridge.InterruptMessage is not null,
                    Traceback = _lastTraceback is null ? [] : _lastTraceback.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s != "stack traceback:").ToList(),
                };
            }

            if (l.Type(-1) == LuaType.Nil)
            {
                return new ScriptRunResult { Success = true };
            }

            return new ScriptRunResult { Success = true, HasResult = true, Result = _bridge.Converter.ToNode(l, -1, "result", allowCallables: false, forResult: true) };
        }
        finally
        {
            l.SetTop(top);
            _context.Output.Flush();
        }
    }

    /// <summary>Text of a Lua error value: strings as-is, tables as compact JSON, others as tostring.</summary>
    internal static string ErrorText(LuaBridge bridge, LuaState l, int index)
    {
        switch (l.Type(index))
        {
            case LuaType.String:
                return Encoding.UTF8.GetString(l.ToBuffer(index, false));
            case LuaType.Number:
                return l.IsInteger(index) ? l.ToInteger(index).ToString(System.Globalization.CultureInfo.InvariantCulture) : LuaNumbers.Format(l.ToNumber(index));
            case LuaType.Nil:
                return "nil";
            case LuaType.Boolean:
                return l.ToBoolean(index) ? "true" : "false";
            case LuaType.Table:
                try
                {
                    return JsonText.Compact(bridge.Converter.ToNode(l, index, "error", allowCallables: false));
                }
                catch (ScriptException)
                {
                    return $"table: 0x{l.ToPointer(index):x}";
                }

            default:
                return bridge.Objects.TryGet(l, index)?.DisplayText ?? $"{l.TypeName(index)}: 0x{l.ToPointer(index):x}";
        }
    }

    private static byte[] StripPreamble(byte[] code)
    {
        var start = code.Length >= 3 && code[0] == 0xEF && code[1] == 0xBB && code[2] == 0xBF ? 3 : 0;
        if (code.Length > start + 1 && code[start] == (byte)'#' && code[start + 1] == (byte)'!')
        {
            // Keep the line (as a comment) so line numbers stay correct.
            var copy = new byte[code.Length - start + 1];
            copy[0] = (byte)'-';
            copy[1] = (byte)'-';
            Array.Copy(code, start + 1, copy, 2, code.Length - start - 1);
            return copy;
        }

        return start == 0 ? code : code[start..];
    }

    private int LoadHelpers()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("bridge.lua")!;
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        if (_lua.LoadBuffer(ms.ToArray(), InternalChunk) != LuaStatus.OK || _lua.PCall(0, 1, 0) != LuaStatus.OK)
        {
            throw new InvalidOperationException("internal Lua prelude failed: " + _lua.ToString(-1, false));
        }

        return _lua.Ref(LuaRegistry.Index);
    }

    private void PushHelper(string name)
    {
        _lua.RawGetInteger((int)LuaRegistry.Index, _helpersRef);
        _lua.GetField(-1, name);
        _lua.Remove(-2);
    }

    private void InstallOutput()
    {
        _lua.GetGlobal("io");
        _lua.GetField(-1, "stdout");
        var file = Marshal.ReadIntPtr(_lua.ToUserData(-1));
        _lua.Pop(2);
        var sink = new LuaStdout(file);
        if (_options.UseProcessStdout)
        {
            sink.UseLineBuffering();
            _context.Output.UseStdout(sink);
        }

        PushHelper("make_print");
        _bridge.PushStateFunction(_lua, "print", l =>
        {
            var bytes = l.ToBuffer(1, false);
            _context.Output.WriteStdout(bytes);
            _context.Output.FlushStdout();
            _context.Output.RecordPrinted(Encoding.UTF8.GetString(bytes, 0, Math.Max(0, bytes.Length - 1)));
            return null;
        });
        _lua.Call(1, 1);
        _lua.SetGlobal("print");
    }

    private void InstallHook()
    {
        PushHelper("install_hook");
        _lua.GetGlobal("debug");
        _lua.GetField(-1, "sethook");
        _lua.Remove(-2);
        _bridge.PushRawFunction(_lua, _ => Poll());
        _lua.PushInteger(_options.HookInterval);
        _lua.Call(3, 0);
    }

    /// <summary>Error raised inside a script callback whose caller stopped waiting for it.</summary>
    internal const string CallbackTimeoutMessage = "time limit exceeded; the callback was interrupted";

    private object? Poll()
    {
        if (_bridge.InterruptMessage is { } pending)
        {
            return pending;
        }

        if (_context.Cancellation.IsCancellationRequested)
        {
            _bridge.InterruptMessage = _context.InterruptReason ?? "interrupted";
            return _bridge.InterruptMessage;
        }

        if (_bridge.CallbackCancelled)
        {
            // Only the callback is interrupted (the caller's time limit expired), not the run.
            return new ScriptValues(CallbackTimeoutMessage, false);
        }

        _instructions += _options.HookInterval;
        if (_options.MaxInstructions > 0 && _instructions > _options.MaxInstructions)
        {
            _bridge.InterruptMessage = $"instruction limit of {_options.MaxInstructions} exceeded";
            return _bridge.InterruptMessage;
        }

        return null;
    }

    private void InstallExit()
    {
        _lua.GetGlobal("os");
        _bridge.PushFunction(_lua, "os.exit", args =>
        {
            var code = args.TypeOf(0) switch
            {
                ScriptType.Nil => 0,
                ScriptType.Boolean => args.Bool(0, "code") ? 0 : 1,
                _ => (int)args.Integer(0, "code"),
            };
            ExitCode = code;
            _bridge.InterruptMessage = ExitMarker;
            throw new ScriptCallbackException(ExitMarker);
        });
        _lua.SetField(-2, "exit");
        _lua.Pop(1);
    }

    /// <summary>Error text that unwinds the script after os.exit; never shown to users.</summary>
    internal const string ExitMarker = "\u0001llmspell: os.exit";

    private void InstallRequirePath()
    {
        var dir = _context.Script.Directory;
        _lua.GetGlobal("package");
        _lua.GetField(-1, "path");
        var current = _lua.ToString(-1, false);
        _lua.Pop(1);
        LuaConverter.PushText(_lua, $"{dir}/?.lua;{dir}/?/init.lua;{current}");
        _lua.SetField(-2, "path");
        _lua.Pop(1);
    }

    private void PushMessageHandler()
    {
        PushHelper("make_msgh");
        _lua.GetGlobal("debug");
        _lua.GetField(-1, "traceback");
        _lua.Remove(-2);
        _bridge.PushRawFunction(_lua, l =>
        {
            _lastTraceback = l.Type(1) == LuaType.String ? Encoding.UTF8.GetString(l.ToBuffer(1, false)) : null;
            return null;
        });
        _lua.Call(2, 1);
    }

    public void Dispose()
    {
        _lua.Dispose();
        _memory?.Dispose();
    }
}
