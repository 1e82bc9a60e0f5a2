using System.Diagnostics;

namespace LlmSpell.Cli;

/// <summary>
/// Start-up stage timings on stderr when LLMSPELL_STARTUP_TRACE=1 (used to keep `llmspell run`
/// start-up within budget; see bench/README.md).
/// </summary>
internal static class StartupTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("LLMSPELL_STARTUP_TRACE") == "1";
    private static readonly long Start = Stopwatch.GetTimestamp();

    public static void Mark(string stage)
    {
        if (Enabled)
        {
            var sinceProcessStart = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
            Console.Error.WriteLine($"[startup] {Stopwatch.GetElapsedTime(Start).TotalMilliseconds,7:F1} ms since Main, {sinceProcessStart,7:F1} ms since process start: {stage}");
        }
    }
}
