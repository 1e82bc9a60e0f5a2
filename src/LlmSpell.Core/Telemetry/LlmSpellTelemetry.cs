using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LlmSpell.Telemetry;

/// <summary>
/// The platform's one <see cref="ActivitySource"/> and <see cref="Meter"/> (both named
/// <c>LlmSpell</c>). Spans follow the OpenTelemetry GenAI semantic conventions where they apply
/// (<c>invoke_agent</c>, <c>chat</c>, <c>execute_tool</c>); everything else uses <c>llmspell.*</c> names.
/// </summary>
/// <remarks>
/// With no listener (telemetry off, no <c>--report</c>) <see cref="ActivitySource.StartActivity(string, ActivityKind)"/>
/// returns null and instruments drop measurements after one flag check, so the hot paths pay nothing
/// measurable. Thread-safe.
/// </remarks>
public static class LlmSpellTelemetry
{
    /// <summary>Name of the activity source and meter.</summary>
    public const string SourceName = "LlmSpell";

    /// <summary>Source and meter name given to Microsoft.Extensions.AI's OpenTelemetry chat client: model-call
    /// spans (<c>chat &lt;model&gt;</c>) and the conventional <c>gen_ai.client.token.usage</c> /
    /// <c>gen_ai.client.operation.duration</c> histograms.</summary>
    public const string GenAiSourceName = "LlmSpell.GenAI";

    public static readonly ActivitySource Source = new(SourceName, ProductInfo.Version);

    public static readonly Meter Meter = new(SourceName, ProductInfo.Version);

    /// <summary>Tool call durations (seconds), tagged <c>gen_ai.tool.name</c>, <c>llmspell.caller</c>, <c>error.type</c>.</summary>
    public static readonly Histogram<double> ToolDuration = Meter.CreateHistogram<double>("llmspell.tool.duration", "s", "Duration of tool invocations");

    /// <summary>Tool calls that failed (raised or returned a failure envelope).</summary>
    public static readonly Counter<long> ToolErrors = Meter.CreateCounter<long>("llmspell.tool.errors", "{call}", "Failed tool invocations");

    /// <summary>Agent executions (seconds), tagged <c>gen_ai.agent.name</c>, provider and model.</summary>
    public static readonly Histogram<double> AgentDuration = Meter.CreateHistogram<double>("llmspell.agent.duration", "s", "Duration of agent executions");

    /// <summary>Estimated cost in USD, tagged provider, model, agent and tenant.</summary>
    public static readonly Counter<double> Cost = Meter.CreateCounter<double>("llmspell.cost", "USD", "Estimated cost of model and embedding calls");

    /// <summary>Workflow step durations (seconds), tagged workflow, step and step type.</summary>
    public static readonly Histogram<double> WorkflowStepDuration = Meter.CreateHistogram<double>("llmspell.workflow.step.duration", "s", "Duration of workflow steps");

    /// <summary>Cache lookups, tagged <c>llmspell.cache</c> (response, embedding, search) and <c>llmspell.cache.result</c> (hit, miss).</summary>
    public static readonly Counter<long> CacheRequests = Meter.CreateCounter<long>("llmspell.cache.requests", "{request}", "Cache lookups by result");

    /// <summary>Time spent waiting for a rate limiter (seconds), tagged <c>llmspell.limiter</c>.</summary>
    public static readonly Histogram<double> RateLimiterWait = Meter.CreateHistogram<double>("llmspell.rate_limiter.wait", "s", "Time spent waiting for rate limiters");

    /// <summary>State backend calls (seconds), tagged <c>llmspell.state.operation</c> and backend.</summary>
    public static readonly Histogram<double> StateDuration = Meter.CreateHistogram<double>("llmspell.state.duration", "s", "Duration of state backend calls");

    /// <summary>True when prompts and completions may be recorded on spans (<c>telemetry.record_content</c>, off by default).</summary>
    public static bool RecordContent { get; set; }

    /// <summary>True when a listener wants model-call spans (the provider hub wraps clients with M.E.AI's OpenTelemetry client then).</summary>
    public static bool TraceModelCalls { get; set; }

    /// <summary>Adds a span event to the current span (retries, breaker transitions, cache hits, hook decisions, refusals).</summary>
    public static void AddEvent(string name, params ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Activity.Current is not { } current || current.Source != Source && !current.IsAllDataRequested)
        {
            return;
        }

        var collection = new ActivityTagsCollection();
        foreach (var t in tags)
        {
            collection[t.Key] = t.Value;
        }

        current.AddEvent(new ActivityEvent(name, tags: collection));
    }

    /// <summary>Records a cache lookup on the cache counter and as a span event.</summary>
    public static void RecordCache(string cache, bool hit)
    {
        CacheRequests.Add(1, new KeyValuePair<string, object?>("llmspell.cache", cache), new KeyValuePair<string, object?>("llmspell.cache.result", hit ? "hit" : "miss"));
        if (hit)
        {
            AddEvent("llmspell.cache.hit", new KeyValuePair<string, object?>("llmspell.cache", cache));
        }
    }
}
