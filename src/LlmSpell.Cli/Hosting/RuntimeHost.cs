using LlmSpell.Configuration;
using LlmSpell.Output;
using LlmSpell.Runtime;
using LlmSpell.Scripting;
using LlmSpell.Scripting.Lua;
using LlmSpell.Security;

namespace LlmSpell.Cli.Hosting;

/// <summary>
/// Composition root of one run: configuration → services and globals → Lua engine. Runs the
/// chunk on the calling thread and then the shutdown sequence (runtime.md §12).
/// </summary>
internal sealed class RuntimeHost
{
    private readonly RunContext _context;
    private readonly CliSettings _settings;

    public RuntimeHost(RunContext context, CliSettings settings)
    {
        _context = context;
        _settings = settings;
        Services = new RuntimeServices();
        Services.AddInstance(context);
    }

    public RuntimeServices Services { get; }

    /// <summary>False for in-process hosts (tests): print writes to the run's own streams, not the process stdout.</summary>
    public bool UseProcessStdout { get; init; } = true;

    /// <summary>Code run in the same state before the script (tests inject their assertion library).</summary>
    public byte[]? Prelude { get; init; }

    /// <summary>Builds the runtime and runs <paramref name="code"/>; call on the script thread.</summary>
    public ScriptRunResult Execute(byte[] code, string chunkName)
    {
        var modules = ModuleCatalog.Create(_settings);
        foreach (var m in modules)
        {
            m.Configure(Services, _context);
        }

        StartupTrace.Mark("modules configured");
        var globals = new List<IScriptGlobal>();
        foreach (var m in modules)
        {
            globals.AddRange(m.Globals(Services, _context));
        }

        var config = _context.Config;
        var options = new LuaEngineOptions
        {
            StandardLibraries = config.GetString("engines.lua.stdlib") ?? "all",
            SecurityLevel = config.GetString("engines.lua.security_level") ?? "unrestricted",
            AllowProcessSpawn = config.GetBool("runtime.security.allow_process_spawn", true),
            MaxMemoryBytes = config.LuaMemoryLimit,
            CaptureTraceback = _settings.Tracebacks || config.GetBool("debug.stack_trace.on_error"),
            RandomSeed = long.TryParse(Environment.GetEnvironmentVariable("LLMSPELL_RANDOM_SEED"), out var seed) ? seed : null,
            UseProcessStdout = UseProcessStdout,
        };

        StartupTrace.Mark("globals created");
        ScriptRunResult result;
        var started = _context.Time.GetTimestamp();
        using (var engine = new LuaEngine(_context, globals, options, Services.Get<FileSandbox>(), Services.Get<EnvironmentPolicy>()))
        {
            StartupTrace.Mark("engine ready");
            _context.Introspection = engine;
            result = Prelude is null ? null! : engine.Execute(Prelude, "=[prelude]");
            if (Prelude is null || result.Success)
            {
                result = engine.Execute(code, chunkName);
            }

            var exit = result.ExitCode ?? (result.Success ? 0 : 1);
            _context.RunShutdown(new ShutdownInfo(exit, (long)_context.Time.GetElapsedTime(started).TotalMilliseconds, result.Error));
        }

        foreach (var created in Services.Created)
        {
            if (created is IDisposable d && created is not RunContext)
            {
                try
                {
                    d.Dispose();
                }
                catch (Exception ex)
                {
                    _context.Warn($"shutdown: closing {created.GetType().Name} failed: {ex.Message}");
                }
            }
        }

        return result;
    }

    /// <summary>Creates the run context for a script.</summary>
    public static RunContext CreateContext(LlmSpellConfig config, ScriptInfo script, CliSettings settings, RunOutput output, CancellationToken token) =>
        new(config, output, script, token) { Quiet = settings.Quiet, Verbosity = settings.Verbosity };
}
