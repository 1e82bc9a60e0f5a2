using System.Collections.Concurrent;
using System.Diagnostics;
using LlmSpell.Telemetry;

namespace LlmSpell.Cli.Hosting.Telemetry;

/// <summary>
/// Listens to the platform's spans in-process for <c>llmspell run --report</c> (no SDK, no export):
/// every agent, model call, tool, workflow step, RAG operation and state call of the run is kept as
/// a <see cref="SpanRecord"/>. The report and the exported traces are the same spans, so they never disagree.
/// </summary>
internal sealed class RunReportCollector : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<SpanRecord> _spans = new();

    public RunReportCollector()
    {
        LlmSpellTelemetry.TraceModelCalls = true;
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is LlmSpellTelemetry.SourceName or LlmSpellTelemetry.GenAiSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<SpanRecord> Spans => [.. _spans];

    public void Dispose() => _listener.Dispose();

    private void Record(Activity a)
    {
        var kind = a.GetTagItem(GenAiTags.Kind) as string ?? (a.Source.Name == LlmSpellTelemetry.GenAiSourceName ? "model" : "other");
        var name = kind switch
        {
            "agent" => a.GetTagItem(GenAiTags.AgentName) as string,
            "tool" => a.GetTagItem(GenAiTags.ToolName) as string,
            "model" => a.GetTagItem(GenAiTags.ProviderName) is string { Length: > 0 } provider
                ? $"{provider}/{a.GetTagItem(GenAiTags.ResponseModel) ?? a.GetTagItem(GenAiTags.RequestModel)}"
                : (a.GetTagItem(GenAiTags.ResponseModel) ?? a.GetTagItem(GenAiTags.RequestModel)) as string,
            "run" => a.GetTagItem("llmspell.script") as string,
            _ => null,
        } ?? a.DisplayName;
        _spans.Enqueue(new SpanRecord(
            a.SpanId.ToHexString(),
            a.ParentSpanId == default ? null : a.ParentSpanId.ToHexString(),
            kind,
            name,
            a.Duration.TotalMilliseconds,
            a.Status == ActivityStatusCode.Error,
            Long(a.GetTagItem(GenAiTags.InputTokens)),
            Long(a.GetTagItem(GenAiTags.OutputTokens)),
            kind is "agent" or "embedding" ? Double(a.GetTagItem(GenAiTags.CostUsd)) : 0));
    }

    private static long Long(object? value) => value switch
    {
        int i => i,
        long l => l,
        double d => (long)d,
        _ => 0,
    };

    private static double Double(object? value) => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        _ => 0,
    };
}
