using System.CommandLine;
using LlmSpell.Diagnostics;

namespace LlmSpell.Cli;

/// <summary>The global options of one invocation, parsed.</summary>
internal sealed record CliSettings
{
    public string? ConfigPath { get; init; }

    public bool NoConfig { get; init; }

    public string? Engine { get; init; }

    public string Output { get; init; } = "text";

    public int Verbosity { get; init; }

    public bool Quiet { get; init; }

    public bool Debug { get; init; }

    public LogLevel? DebugLevel { get; init; }

    public string? DebugFormat { get; init; }

    public string? DebugModules { get; init; }

    public bool DebugPerf { get; init; }

    /// <summary>Lua tracebacks on errors (-v, --debug, debug.stack_trace.on_error).</summary>
    public bool Tracebacks => Verbosity > 0 || Debug;

    public static CliSettings From(ParseResult r, GlobalOptions o) => new()
    {
        ConfigPath = r.GetValue(o.Config),
        NoConfig = r.GetValue(o.NoConfig),
        Engine = r.GetValue(o.Engine) ?? Environment.GetEnvironmentVariable("LLMSPELL_ENGINE"),
        Output = r.GetValue(o.Output) ?? "text",
        Verbosity = Math.Min(2, r.GetResult(o.Verbose)?.IdentifierTokenCount ?? 0),
        Quiet = r.GetValue(o.Quiet),
        Debug = r.GetValue(o.Debug),
        DebugLevel = LogLevels.Parse(r.GetValue(o.DebugLevel)) ?? (r.GetValue(o.Debug) ? LogLevel.Debug : null),
        DebugFormat = r.GetValue(o.DebugFormat),
        DebugModules = r.GetValue(o.DebugModules),
        DebugPerf = r.GetValue(o.DebugPerf),
    };
}
