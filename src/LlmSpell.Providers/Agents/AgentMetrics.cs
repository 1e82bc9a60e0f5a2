using System.Text.Json.Nodes;

namespace LlmSpell.Agents;

/// <summary>Counters of one agent for the run (globals.md §1.3 get_metrics/get_performance/get_health).</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class AgentMetrics
{
    private readonly object _gate = new();
    private readonly Queue<bool> _recent = new();
    private long _total;
    private long _failed;
    private long _active;
    private long _toolInvocations;
    private long _tokens;
    private double _totalMs;

    public long RequestsTotal => Interlocked.Read(ref _total);

    public long RequestsFailed => Interlocked.Read(ref _failed);

    public long TokensTotal => Interlocked.Read(ref _tokens);

    public void Started()
    {
        Interlocked.Increment(ref _total);
        Interlocked.Increment(ref _active);
    }

    public void Finished(bool success, double ms, long tokens, int toolCalls)
    {
        Interlocked.Decrement(ref _active);
        Interlocked.Add(ref _tokens, tokens);
        Interlocked.Add(ref _toolInvocations, toolCalls);
        lock (_gate)
        {
            _totalMs += ms;
            if (!success)
            {
                _failed++;
            }

            _recent.Enqueue(success);
            while (_recent.Count > 5)
            {
                _recent.Dequeue();
            }
        }
    }

    public void ToolInvoked() => Interlocked.Increment(ref _toolInvocations);

    public JsonObject ToJson(string agentId) => new()
    {
        ["agent_id"] = agentId,
        ["requests_total"] = RequestsTotal,
        ["requests_failed"] = RequestsFailed,
        ["requests_active"] = Interlocked.Read(ref _active),
        ["tool_invocations"] = Interlocked.Read(ref _toolInvocations),
        ["tokens_total"] = TokensTotal,
        ["memory_bytes"] = 0,
        ["cpu_percent"] = 0,
    };

    public JsonObject Performance()
    {
        lock (_gate)
        {
            var (done, errorRate, averageMs) = RatesCore();
            return new JsonObject
            {
                ["total_executions"] = _total,
                ["avg_execution_time_ms"] = averageMs,
                ["success_rate"] = done == 0 ? 1.0 : (double)(done - _failed) / done,
                ["error_rate"] = errorRate,
            };
        }
    }

    /// <summary>Error rate and average execution time of finished executes (checked after every execute).</summary>
    public (double ErrorRate, double AverageMs) Rates()
    {
        lock (_gate)
        {
            var (_, errorRate, averageMs) = RatesCore();
            return (errorRate, averageMs);
        }
    }

    private (long Done, double ErrorRate, double AverageMs) RatesCore()
    {
        var done = Math.Max(0, _total - Interlocked.Read(ref _active));
        return done == 0 ? (0, 0.0, 0.0) : (done, (double)_failed / done, _totalMs / done);
    }

    /// <summary>"healthy", "degraded" (a recent failure) or "unhealthy" (all recent calls failed).</summary>
    public string Health()
    {
        lock (_gate)
        {
            return _recent.Count == 0 || _recent.All(s => s) ? "healthy" : _recent.All(s => !s) ? "unhealthy" : "degraded";
        }
    }
}
