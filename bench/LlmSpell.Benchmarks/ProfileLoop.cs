using System.Diagnostics;

namespace LlmSpell.Benchmarks;

/// <summary>
/// <c>--profile agent-execute|sdk-only|raw [seconds]</c>: runs one benchmark body in a loop so a
/// sampling profiler (<c>dotnet-trace collect -- …</c>) sees where the time goes.
/// <c>--profile compare [rounds]</c>: interleaves the three bodies in rounds of 500 calls and
/// prints each one's mean and the ratios, a quick check between BenchmarkDotNet runs.
/// </summary>
internal static class ProfileLoop
{
    public static void Run(string what, double amount)
    {
        var b = new AgentExecuteBenchmarks();
        b.Setup();
        var bodies = new (string Name, Func<Task> Body)[]
        {
            ("raw", () => b.RawHttpClientPost()),
            ("sdk-only", () => b.SdkOnlyChatClient()),
            ("sdk-pipeline", () => b.SdkThroughPipeline()),
            ("agent-execute", () => b.AgentExecute()),
            ("lua-execute", () =>
            {
                b.LuaAgentExecute(); // 200 calls; reported per call below
                return Task.CompletedTask;
            }),
        };
        foreach (var (name, body) in bodies)
        {
            Repeat(body, name == "lua-execute" ? 10 : 2000);
        }

        if (what == "compare")
        {
            var totals = new double[bodies.Length];
            for (var round = 0; round < (int)amount; round++)
            {
                for (var i = 0; i < bodies.Length; i++)
                {
                    totals[i] += Repeat(bodies[i].Body, bodies[i].Name == "lua-execute" ? 3 : 500);
                }
            }

            for (var i = 0; i < bodies.Length; i++)
            {
                var perCall = totals[i] / (amount * (bodies[i].Name == "lua-execute" ? 3 * 200 : 500));
                Console.WriteLine($"{bodies[i].Name,-14} {perCall,8:F1} us/call  ratio {perCall / (totals[0] / (500 * amount)):F2}");
            }
        }
        else
        {
            var body = bodies.FirstOrDefault(x => x.Name == what).Body
                ?? throw new ArgumentException($"unknown profile target '{what}' (compare, agent-execute, sdk-only, raw)");
            var sw = Stopwatch.StartNew();
            var n = 0;
            while (sw.Elapsed.TotalSeconds < amount)
            {
                body().GetAwaiter().GetResult();
                n++;
            }

            Console.WriteLine($"{what}: {sw.Elapsed.TotalMicroseconds / n:F1} us/call over {n} calls");
        }

        b.Cleanup();
    }

    // Awaits call after call on one pool thread: blocking on each call instead would add a
    // spinning waiter competing for the two cores with the client and the in-process server.
    private static double Repeat(Func<Task> body, int n) => Task.Run(async () =>
    {
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            await body().ConfigureAwait(false);
        }

        return sw.Elapsed.TotalMicroseconds;
    }).GetAwaiter().GetResult();
}
