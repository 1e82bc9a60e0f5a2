using System.CommandLine;
using System.Text;
using LlmSpell.Cli.Hosting;
using LlmSpell.Cli.Hosting.Telemetry;
using LlmSpell.Output;
using LlmSpell.Runtime;

namespace LlmSpell.Cli.Commands;

/// <summary><c>run &lt;SCRIPT&gt;</c> and <c>exec &lt;CODE&gt;</c> (cli-and-config.md §2.1, §2.3).</summary>
internal static class RunCommand
{
    private sealed record Flags(Option<bool> Stream, Option<bool> Rag, Option<bool> NoRag, Option<string?> RagConfig, Option<long?> RagDims, Option<string?> RagBackend, Argument<string[]> Args)
    {
        public Option<bool> Report { get; } = new("--report") { Description = "After the script, print where the time, tokens and cost went (table and tree, on stderr)" };

        public Option<string?> ReportFile { get; } = new("--report-file") { Description = "Write the run report as JSON to this file" };

        public ReportRequest? ReadReport(ParseResult r) =>
            r.GetValue(Report) || r.GetValue(ReportFile) is not null ? new ReportRequest(r.GetValue(Report), r.GetValue(ReportFile)) : null;

        public static Flags Add(Command c)
        {
            var f = new Flags(
                new Option<bool>("--stream") { Description = "Force runtime.enable_streaming = true" },
                new Option<bool>("--rag") { Description = "Enable RAG for this run" },
                new Option<bool>("--no-rag") { Description = "Disable RAG (wins over --rag)" },
                new Option<string?>("--rag-config") { Description = "Replace the [rag] section with this file" },
                new Option<long?>("--rag-dims") { Description = "rag.vector_storage.dimensions" },
                new Option<string?>("--rag-backend") { Description = "hnsw or pgvector" },
                new Argument<string[]>("args") { Description = "Script arguments (use -- before options meant for the script)", Arity = ArgumentArity.ZeroOrMore });
            c.Options.Add(f.Stream);
            c.Options.Add(f.Rag);
            c.Options.Add(f.NoRag);
            c.Options.Add(f.RagConfig);
            c.Options.Add(f.RagDims);
            c.Options.Add(f.RagBackend);
            c.Options.Add(f.Report);
            c.Options.Add(f.ReportFile);
            c.Arguments.Add(f.Args);
            return f;
        }

        public RunFlags Read(ParseResult r) => new(r.GetValue(Stream), r.GetValue(Rag), r.GetValue(NoRag), r.GetValue(RagConfig), r.GetValue(RagDims), r.GetValue(RagBackend));
    }

    public static Command Create(GlobalOptions options, RunOutput output)
    {
        var script = new Argument<string>("script") { Description = "Lua script file" };
        var cmd = new Command("run", "Run a Lua script file");
        cmd.Arguments.Add(script);
        var flags = Flags.Add(cmd);
        cmd.SetAction(r =>
        {
            var settings = CliSettings.From(r, options);
            var path = r.GetValue(script)!;
            var info = new ScriptInfo("@" + path, path, Path.GetFileName(path), r.GetValue(flags.Args) ?? []);
            return Execute(settings, flags.Read(r), info, () => File.Exists(path) ? File.ReadAllBytes(path) : null, output, flags.ReadReport(r));
        });
        return cmd;
    }

    public static Command CreateExec(GlobalOptions options, RunOutput output)
    {
        var code = new Argument<string>("code") { Description = "Lua code to run ('-' reads it from stdin)" };
        var cmd = new Command("exec", "Run inline Lua code");
        cmd.Arguments.Add(code);
        var flags = Flags.Add(cmd);
        cmd.SetAction(r =>
        {
            var settings = CliSettings.From(r, options);
            var text = r.GetValue(code)!;
            var info = new ScriptInfo("=(exec)", null, "(exec)", r.GetValue(flags.Args) ?? []);
            return Execute(settings, flags.Read(r), info, () => text == "-" ? ReadStdin() : Encoding.UTF8.GetBytes(text), output, flags.ReadReport(r));
        });
        return cmd;
    }

    private static byte[] ReadStdin()
    {
        using var stdin = Console.OpenStandardInput();
        using var ms = new MemoryStream();
        stdin.CopyTo(ms);
        return ms.ToArray();
    }

    private static int Execute(CliSettings settings, RunFlags flags, ScriptInfo info, Func<byte[]?> readCode, RunOutput output, ReportRequest? report)
    {
        if (!ConfigSupport.CheckEngine(settings, output))
        {
            return 1;
        }

        var config = ConfigSupport.LoadOrReport(settings, output);
        StartupTrace.Mark("config loaded");
        if (config is null)
        {
            return 1;
        }

        if (ConfigOverrides.ApplyRunFlags(config, flags) is { } flagError)
        {
            output.WriteStderrLine("Error: " + flagError);
            return 1;
        }

        byte[]? code;
        try
        {
            code = readCode();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            output.WriteStderrLine($"Error: cannot read script file {info.ScriptPath}: {ex.Message}");
            return 1;
        }

        if (code is null)
        {
            output.WriteStderrLine($"Error: script file not found: {info.ScriptPath}");
            return 1;
        }

        return ScriptRunner.Run(config, info, code, settings, output, report);
    }
}
