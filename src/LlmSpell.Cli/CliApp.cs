using System.CommandLine;
using System.CommandLine.Help;
using LlmSpell.Cli.Commands;
using LlmSpell.Output;

namespace LlmSpell.Cli;

/// <summary>Builds the command tree and maps outcomes to exit codes (cli-and-config.md §3.2).</summary>
internal static class CliApp
{
    public static int Run(string[] args, RunOutput? output = null)
    {
        output ??= new RunOutput();
        if (args.Length == 1 && args[0] == "--version")
        {
            output.WriteStdoutLine($"{ProductInfo.Name} {ProductInfo.Version}");
            return 0;
        }

        var options = new GlobalOptions();
        var root = new RootCommand("llmspell — scriptable LLM orchestration: run Lua scripts that drive agents, tools, workflows, state and RAG.");
        foreach (var o in options.All)
        {
            root.Options.Add(o);
        }

        var version = new Option<bool>("--version") { Description = "Print the version" };
        root.Options.Add(version);
        foreach (var existing in root.Options.Where(o => o is VersionOption).ToList())
        {
            root.Options.Remove(existing);
        }

        root.Subcommands.Add(RunCommand.Create(options, output));
        root.Subcommands.Add(RunCommand.CreateExec(options, output));
        root.Subcommands.Add(ValidateCommand.Create(options, output));
        root.Subcommands.Add(InfoCommand.Create(options, output));
        root.Subcommands.Add(InitCommand.Create(options, output));
        root.Subcommands.Add(ProvidersCommand.Create(options, output));
        root.Subcommands.Add(BackupCommand.Create(options, output));
        root.Subcommands.Add(SessionCommand.Create(options, output));
        root.Subcommands.Add(KeysCommand.Create(options, output));
        root.SetAction(r =>
        {
            if (r.GetValue(version))
            {
                output.WriteStdoutLine($"{ProductInfo.Name} {ProductInfo.Version}");
                return 0;
            }

            return UsageError(output, "no command given; try 'llmspell run script.lua' or 'llmspell --help'");
        });

        StartupTrace.Mark("commands built");
        var parsed = root.Parse(args);
        StartupTrace.Mark("parsed");
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            return UsageError(output, parsed.Errors[0].Message);
        }

        // A token after the script that looks like an option must follow "--" (cli-and-config.md §2.1).
        var separator = Array.IndexOf(args, "--");
        var scriptArgs = parsed.CommandResult.Command.Arguments.FirstOrDefault(a => a.Name == "args");
        if (scriptArgs is not null && parsed.GetValue((Argument<string[]>)scriptArgs) is { } values)
        {
            var beforeSeparator = separator < 0 ? args : args[..separator];
            var stray = values.FirstOrDefault(v => v.StartsWith('-') && v.Length > 1 && beforeSeparator.Contains(v));
            if (stray is not null)
            {
                return UsageError(output, $"unrecognized option '{stray}' for '{parsed.CommandResult.Command.Name}'; put script options after '--'");
            }
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            output.WriteStderrLine($"Error: {ex.Message}");
            return 1;
        }
        finally
        {
            output.Flush();
        }
    }

    public static int UsageError(RunOutput output, string message)
    {
        output.WriteStderrLine($"Error: {message.TrimEnd('.')}");
        output.WriteStderrLine("Usage: llmspell [OPTIONS] <COMMAND> [ARGS] (see 'llmspell --help')");
        return 2;
    }
}
