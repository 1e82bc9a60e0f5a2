using System.Runtime.InteropServices;
using LlmSpell.Cli.Hosting.Telemetry;
using LlmSpell.Configuration;
using LlmSpell.Output;
using LlmSpell.Runtime;

namespace LlmSpell.Cli.Hosting;

/// <summary>
/// Runs a chunk on a dedicated script thread with Ctrl+C, SIGTERM and the run time limit wired to
/// one cancellation token (runtime.md §4.5), then prints the result (cli-and-config.md §3.1).
/// </summary>
internal static class ScriptRunner
{
    private const int ScriptThreadStack = 64 * 1024 * 1024;

    public static int Run(LlmSpellConfig config, ScriptInfo script, byte[] code, CliSettings settings, RunOutput output, ReportRequest? report = null)
    {
        // Telemetry types are touched only when export or a report is wanted (start-up of plain runs unchanged).
        var telemetry = TelemetrySettings.From(config);
        return telemetry is null && report is null
            ? RunScript(config, script, code, settings, output)
            : TelemetryRun.Run(telemetry, report, script, output, () => RunScript(config, script, code, settings, output));
    }

    private static int RunScript(LlmSpellConfig config, ScriptInfo script, byte[] code, CliSettings settings, RunOutput output)
    {
        using var cts = new CancellationTokenSource();
        var context = RuntimeHost.CreateContext(config, script, settings, output, cts.Token);
        if (settings.Output == "pretty")
        {
            output.CapturePrintedLines();
        }

        var signalExit = 0;
        var interrupts = 0;
        void Interrupt(int code, string reason)
        {
            if (Interlocked.Increment(ref interrupts) > 1)
            {
                output.Flush();
                Environment.Exit(code);
            }

            signalExit = code;
            context.InterruptReason = reason;
            cts.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c =>
        {
            c.Cancel = true;
            Interrupt(130, "interrupted");
        });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            Interrupt(143, "terminated");
        });

        if (config.RunTimeLimit is { } limit)
        {
            var seconds = limit.TotalSeconds;
            var text = seconds >= 1 && seconds == Math.Floor(seconds) ? $"{seconds:0} s" : $"{limit.TotalMilliseconds:0} ms";
            context.InterruptReason = null;
            _ = Task.Delay(limit, cts.Token).ContinueWith(
                t =>
                {
                    if (!t.IsCanceled)
                    {
                        context.InterruptReason = $"script timed out after {text}";
                        cts.Cancel();
                    }
                },
                TaskScheduler.Default);
        }

        ScriptRunResult? result = null;
        Exception? crash = null;
        var started = context.Time.GetTimestamp();
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = new RuntimeHost(context, settings).Execute(code, script.ChunkName);
                }
                catch (Exception ex)
                {
                    crash = ex;
                }
            },
            ScriptThreadStack)
        { Name = "llmspell-script" };
        thread.Start();
        thread.Join();

        if (crash is not null)
        {
            context.Log(1, crash.ToString());
            output.WriteStderrLine($"Error: {crash.Message}");
            return 1;
        }

        var r = result!;
        if (r.ExitCode is { } exitCode)
        {
            output.Flush();
            return exitCode;
        }

        if (!r.Success)
        {
            output.WriteStderrLine("Error: " + r.Error);
            foreach (var line in r.Traceback)
            {
                output.WriteStderrLine("  " + line);
            }

            return r.Interrupted && signalExit != 0 ? signalExit : 1;
        }

        ResultPrinter.Print(r, settings.Output, output, context, context.Time.GetElapsedTime(started));
        return 0;
    }
}
