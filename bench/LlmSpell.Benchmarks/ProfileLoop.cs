using System.Diagnostics;

namespace LlmSpell.Benchmarks;

/// <summary>
/// <c>--profile agent-execute [seconds]</c>: runs one benchmark body in a loop so a sampling
/// profiler (<c>dotnet-trace collect -- …</c>) sees where the time goes; prints µs per call.
/// </summary>
internal static class ProfileLoop
{
    public static void Run(string what, double seconds)
    {
        var b = new AgentExecuteBenchmarks();
        b.Setup();
        Func<Task> body = what switch
        {
            "agent-execute" => () => b.AgentExecute(),
            "sdk-only" => () => b.SdkOnlyChatClient(),
            "raw" => () => b.RawHttpClientPost(),
            _ => throw new ArgumentException($"unknown profile target '{what}' (agent-execute, sdk-only, raw)"),
        };
        for (var i = 0; i < 2000; i++)
        {
            body().GetAwaiter().GetResult();
        }

        var sw = Stopwatch.StartNew();
        var n = 0;
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            body().GetAwaiter().GetResult();
            n++;
        }

        Console.WriteLine($"{what}: {sw.Elapsed.TotalMicroseconds / n:F1} us/call over {n} calls");
        b.Cleanup();
    }
}
