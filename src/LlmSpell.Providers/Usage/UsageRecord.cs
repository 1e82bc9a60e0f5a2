namespace LlmSpell.Providers.Usage;

/// <summary>Who a call is charged to: agent, and when known the workflow, session and tenant.</summary>
public sealed record UsageAttribution(string? Agent = null, string? Workflow = null, string? Session = null, string? Tenant = null);

/// <summary>One provider response's usage and cost.</summary>
public sealed record UsageRecord(string Provider, string Model, long PromptTokens, long CompletionTokens, double CostUsd, UsageAttribution Attribution, DateTimeOffset At)
{
    public long TotalTokens => PromptTokens + CompletionTokens;
}
