namespace LlmSpell.Providers.Usage;

/// <summary>Who a call is charged to: agent, and when known the workflow, session and tenant.</summary>
public sealed record UsageAttribution(string? Agent = null, string? Workflow = null, string? Session = null, string? Tenant = null);

/// <summary>Usage and cost of the responses of one provider, model and attribution (<see cref="Calls"/> of them; <see cref="At"/> = the latest).</summary>
public sealed record UsageRecord(string Provider, string Model, long PromptTokens, long CompletionTokens, double CostUsd, UsageAttribution Attribution, DateTimeOffset At, long Calls = 1)
{
    public long TotalTokens => PromptTokens + CompletionTokens;
}
