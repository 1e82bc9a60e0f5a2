using System.CommandLine;

namespace LlmSpell.Cli;

/// <summary>Options accepted before or after any command (cli-and-config.md §1).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Config { get; } = new("--config", "-c") { Description = "Configuration file (must exist)", Recursive = true };

    public Option<bool> NoConfig { get; } = new("--no-config") { Description = "Ignore LLMSPELL_CONFIG and discovery; use built-in defaults", Recursive = true };

    public Option<string?> Engine { get; } = new("--engine") { Description = "Script engine (only 'lua')", Recursive = true };

    public Option<string> Output { get; } = new("--output") { Description = "Result format: text, json or pretty", Recursive = true, DefaultValueFactory = _ => "text" };

    public Option<bool[]> Verbose { get; } = new("--verbose", "-v") { Description = "Debug logs on stderr and Lua tracebacks (-vv: trace)", Recursive = true, Arity = ArgumentArity.ZeroOrMore };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Suppress warnings", Recursive = true };

    public Option<bool> Debug { get; } = new("--debug") { Description = "Debug level 'debug' and Lua tracebacks on errors", Recursive = true };

    public Option<string?> DebugLevel { get; } = new("--debug-level") { Description = "Debug level: off error warn info debug trace", Recursive = true };

    public Option<string?> DebugFormat { get; } = new("--debug-format") { Description = "Debug output format: text or json", Recursive = true };

    public Option<string?> DebugModules { get; } = new("--debug-modules") { Description = "Debug module filters: +mod enables, -mod disables", Recursive = true };

    public Option<bool> DebugPerf { get; } = new("--debug-perf") { Description = "Enable debug performance tracking", Recursive = true };

    public IEnumerable<Option> All => [Config, NoConfig, Engine, Output, Verbose, Quiet, Debug, DebugLevel, DebugFormat, DebugModules, DebugPerf];

    public GlobalOptions()
    {
        Output.AcceptOnlyFromAmong("text", "json", "pretty");
        DebugLevel.AcceptOnlyFromAmong("off", "error", "warn", "info", "debug", "trace");
        DebugFormat.AcceptOnlyFromAmong("text", "json");
    }
}
