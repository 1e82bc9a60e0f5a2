using System.Diagnostics;
using LlmSpell.Output;
using LlmSpell.Runtime;
using LlmSpell.Telemetry;
using LlmSpell.Values;

namespace LlmSpell.Cli.Hosting.Telemetry;

/// <summary>
/// A run with telemetry export and/or a run report: the exporters and the report's listener start
/// first, the run is one <c>llmspell.run</c> root span (every agent, tool, workflow and RAG span of
/// the script thread and its workers is below it), and everything is flushed before the process exits.
/// </summary>
internal static class TelemetryRun
{
    public static int Run(TelemetrySettings? settings, ReportRequest? report, ScriptInfo script, RunOutput output, Func<int> run)
    {
        using var export = TelemetryExport.Start(settings, output);
        using var collector = report is null ? null : new RunReportCollector();
        var started = Stopwatch.GetTimestamp();
        int exit;
        using (var span = Spans.Run(script.DisplayName))
        {
            // The script thread starts inside this span and inherits it as Activity.Current.
            exit = run();
            span?.SetTag("process.exit.code", exit);
            if (exit != 0)
            {
                span?.SetStatus(ActivityStatusCode.Error, $"exit code {exit}");
            }
        }

        if (collector is not null && report is not null)
        {
            var result = RunReport.Build(script.DisplayName, exit, Stopwatch.GetElapsedTime(started).TotalMilliseconds, collector.Spans);
            if (report.Print)
            {
                RunReportPrinter.Print(result, output);
            }

            if (report.File is { } file && !WriteFile(file, result, output) && exit == 0)
            {
                exit = 1;
            }
        }

        return exit;
    }

    private static bool WriteFile(string file, RunReport report, RunOutput output)
    {
        try
        {
            var full = Path.GetFullPath(file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var temp = full + ".tmp";
            File.WriteAllText(temp, JsonText.Pretty(report.ToJson(), keepOrder: true) + "\n");
            File.Move(temp, full, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            output.WriteStderrLine($"Error: cannot write the run report to {file}: {ex.Message}");
            return false;
        }
    }
}
