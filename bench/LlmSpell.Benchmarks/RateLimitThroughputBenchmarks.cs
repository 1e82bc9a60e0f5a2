using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LlmSpell.Agents;
using LlmSpell.Providers;
using LlmSpell.TestUtilities;

namespace LlmSpell.Benchmarks;

/// <summary>
/// Throughput with the client-side rate limiter on: 4 concurrent callers issue
/// <see cref="Requests"/> executes against a zero-latency fake server; the reported time per
/// operation is 1 / delivered rate, to compare with the configured requests per minute.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class RateLimitThroughputBenchmarks
{
    private const int Requests = 60;
    private FakeLlmServer _server = null!;
    private ProviderHub _hub = null!;
    private LlmAgent[] _agents = null!;

    [Params(600, 1200)]
    public int RequestsPerMinute { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = FakeLlmServer.StartAsync().GetAwaiter().GetResult();
        (_hub, var registry) = AgentBenchSetup.Create(
            $"[providers.fake]\nprovider_type = \"openai\"\nbase_url = \"{_server.OpenAiBase}\"\napi_key = \"k\"\nrate_limit = {{ requests_per_minute = {RequestsPerMinute} }}\n");
        _agents = [.. Enumerable.Range(0, 4).Select(i => registry.Build(new AgentConfig { Name = "r" + i, Model = "fake/gpt-4o-mini", MemoryEnabled = false }))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _hub.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = Requests)]
    public async Task PacedRequests()
    {
        var next = 0;
        await Task.WhenAll(_agents.Select(async a =>
        {
            while (Interlocked.Increment(ref next) <= Requests)
            {
                await a.ExecuteAsync(AgentRequest.From(a.Name, JsonValue.Create("x")), null, CancellationToken.None);
            }
        }));
    }
}
