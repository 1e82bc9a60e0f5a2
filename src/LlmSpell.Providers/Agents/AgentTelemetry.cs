using System.Diagnostics;
using LlmSpell.Telemetry;

namespace LlmSpell.Agents;

/// <summary>Ends an agent's <c>invoke_agent</c> span and records its duration, tokens and cost on the meter.</summary>
internal static class AgentTelemetry
{
    public static void Complete(Activity? span, LlmAgent agent, AgentReply? reply, TimeSpan elapsed)
    {
        var provider = reply?.Provider ?? agent.Settings?.Name ?? "none";
        var model = reply?.Model ?? agent.Model ?? "none";
        LlmSpellTelemetry.AgentDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(GenAiTags.AgentName, agent.Name),
            new KeyValuePair<string, object?>(GenAiTags.ProviderName, provider),
            new KeyValuePair<string, object?>(GenAiTags.RequestModel, model),
            new KeyValuePair<string, object?>(GenAiTags.ErrorType, reply is null ? "error" : null));
        if (reply is { CostUsd: > 0 })
        {
            LlmSpellTelemetry.Cost.Add(
                reply.CostUsd,
                new KeyValuePair<string, object?>(GenAiTags.ProviderName, provider),
                new KeyValuePair<string, object?>(GenAiTags.RequestModel, model),
                new KeyValuePair<string, object?>(GenAiTags.AgentName, agent.Name));
        }

        if (span is null)
        {
            return;
        }

        if (reply is null)
        {
            span.SetStatus(ActivityStatusCode.Error);
            span.SetTag(GenAiTags.ErrorType, "error");
            return;
        }

        span.SetTag(GenAiTags.ResponseModel, reply.Model);
        span.SetTag(GenAiTags.InputTokens, reply.PromptTokens);
        span.SetTag(GenAiTags.OutputTokens, reply.CompletionTokens);
        span.SetTag(GenAiTags.FinishReasons, new[] { reply.FinishReason });
        span.SetTag(GenAiTags.CostUsd, reply.CostUsd);
        if (reply.Cached)
        {
            span.SetTag("llmspell.cached", true);
        }
    }
}
