using LlmSpell.Configuration;
using LlmSpell.Output;
using LlmSpell.Scripting;

namespace LlmSpell.Runtime;

/// <summary>
/// Everything one run shares: configuration, output streams, the script thread's dispatcher,
/// the clock and the run's cancellation. Services take what they need from it.
/// </summary>
public sealed class RunContext
{
    private readonly List<string> _warnings = [];
    private ScriptDispatcher? _dispatcher;

    public RunContext(LlmSpellConfig config, RunOutput output, ScriptInfo script, CancellationToken cancellation, TimeProvider? time = null)
    {
        Config = config;
        Output = output;
        Script = script;
        Cancellation = cancellation;
        Time = time ?? TimeProvider.System;
        StartedAt = Time.GetTimestamp();
    }

    public LlmSpellConfig Config { get; }

    public RunOutput Output { get; }

    public ScriptInfo Script { get; }

    /// <summary>Cancelled by Ctrl+C, SIGTERM or the run time limit.</summary>
    public CancellationToken Cancellation { get; }

    public TimeProvider Time { get; }

    public long StartedAt { get; }

    /// <summary>The message that ends an interrupted run ("script timed out after 5 s"); set before cancelling.</summary>
    public string? InterruptReason { get; set; }

    /// <summary>Engine introspection (stack frames, memory), set by the engine.</summary>
    public IScriptIntrospection? Introspection { get; set; }

    private readonly List<(ShutdownStep Step, string Name, Action<ShutdownInfo> Action)> _shutdown = [];

    /// <summary>Registers work for a step of the shutdown sequence (runtime.md §12).</summary>
    public void OnShutdown(ShutdownStep step, string name, Action<ShutdownInfo> action)
    {
        lock (_shutdown)
        {
            _shutdown.Add((step, name, action));
        }
    }

    /// <summary>Runs the shutdown sequence in step order; failures become warnings.</summary>
    public void RunShutdown(ShutdownInfo info)
    {
        List<(ShutdownStep Step, string Name, Action<ShutdownInfo> Action)> steps;
        lock (_shutdown)
        {
            steps = [.. _shutdown.OrderBy(s => s.Step)];
            _shutdown.Clear();
        }

        foreach (var (_, name, action) in steps)
        {
            try
            {
                action(info);
            }
            catch (Exception ex)
            {
                Warn($"shutdown: {name} failed: {ex.Message}");
            }
        }
    }

    /// <summary>Suppress warnings (-q).</summary>
    public bool Quiet { get; init; }

    /// <summary>Verbosity: 0 normal, 1 debug (-v), 2 trace (-vv).</summary>
    public int Verbosity { get; init; }

    /// <summary>The dispatcher of the script thread (set when the engine starts).</summary>
    public ScriptDispatcher Dispatcher
    {
        get => _dispatcher ?? throw new InvalidOperationException("the script engine has not started");
        set => _dispatcher = value;
    }

    /// <summary>Warnings issued during the run (for --output pretty).</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_warnings)
            {
                return [.. _warnings];
            }
        }
    }

    /// <summary>Prints "Warning: …" on stderr (unless quiet) and records it.</summary>
    public void Warn(string message)
    {
        lock (_warnings)
        {
            _warnings.Add(message);
        }

        if (!Quiet)
        {
            Output.WriteStderrLine("Warning: " + message);
        }
    }

    /// <summary>Writes a diagnostic line on stderr when the verbosity allows it (-v debug, -vv trace).</summary>
    public void Log(int level, string message)
    {
        if (Verbosity >= level)
        {
            Output.WriteStderrLine($"{Time.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} {(level >= 2 ? "TRACE" : "DEBUG")} {message}");
        }
    }
}
