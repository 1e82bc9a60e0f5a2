using System.CommandLine;
using LlmSpell.Output;

namespace LlmSpell.Cli.Commands;

/// <summary><c>init</c>: writes a commented starter configuration (cli-and-config.md §2.8).</summary>
internal static class InitCommand
{
    public static Command Create(GlobalOptions options, RunOutput output)
    {
        var file = new Option<string>("--output-file", "-o") { Description = "File to write (default llmspell.toml)", DefaultValueFactory = _ => "llmspell.toml" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file" };
        var template = new Option<string>("--template") { Description = "minimal | providers | state | sessions | rag", DefaultValueFactory = _ => "providers" };
        template.AcceptOnlyFromAmong(ConfigTemplates.Names);
        var cmd = new Command("init", "Write a starter configuration file");
        cmd.Options.Add(file);
        cmd.Options.Add(force);
        cmd.Options.Add(template);
        cmd.SetAction(r =>
        {
            var path = r.GetValue(file)!;
            if (File.Exists(path) && !r.GetValue(force))
            {
                output.WriteStderrLine($"Error: {path} already exists; use --force to overwrite");
                return 1;
            }

            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null)
            {
                Directory.CreateDirectory(dir);
            }

            // Write to a temporary file and rename, so an interrupted init leaves nothing half-written.
            var temp = path + ".tmp";
            File.WriteAllText(temp, ConfigTemplates.Render(r.GetValue(template)!));
            File.Move(temp, path, overwrite: true);
            output.WriteStdoutLine($"Wrote {path} (template '{r.GetValue(template)}')");
            output.WriteStdoutLine("Next steps:");
            output.WriteStdoutLine($"  llmspell -c {path} validate");
            output.WriteStdoutLine($"  llmspell -c {path} run examples/script-users/getting-started/00-hello-world.lua");
            _ = options;
            return 0;
        });
        return cmd;
    }
}
