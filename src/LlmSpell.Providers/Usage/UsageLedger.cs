using LlmSpell.Providers.Http;

namespace LlmSpell.Providers.Usage;

/// <summary>
/// Token usage and cost of every provider response in the run, attributed to agent, workflow,
/// session and tenant, and the budgets checked before each call (per agent, per provider, per run).
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class UsageLedger(double? runBudgetUsd, TimeProvider time)
{
    private readonly object _gate = new();

    // Running totals per provider, model and attribution: a script that makes 100 000 calls keeps a
    // handful of entries (not one object per call), and budget checks stay O(entries).
    private readonly Dictionary<(string Provider, string Model, UsageAttribution Who), UsageRecord> _totals = [];

    /// <summary>Usage so far: one entry per provider, model and attribution, with its call count.</summary>
    public IReadOnlyList<UsageRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _totals.Values];
            }
        }
    }

    /// <summary>Total cost of entries matching <paramref name="filter"/> (all when null).</summary>
    public double TotalCost(Func<UsageRecord, bool>? filter = null)
    {
        lock (_gate)
        {
            var sum = 0.0;
            foreach (var r in _totals.Values)
            {
                if (filter?.Invoke(r) ?? true)
                {
                    sum += r.CostUsd;
                }
            }

            return sum;
        }
    }

    /// <summary>Total tokens of entries matching <paramref name="filter"/>.</summary>
    public long TotalTokens(Func<UsageRecord, bool>? filter = null)
    {
        lock (_gate)
        {
            return _totals.Values.Where(r => filter?.Invoke(r) ?? true).Sum(r => r.TotalTokens);
        }
    }

    /// <summary>Records one response.</summary>
    public void Record(string provider, string model, long prompt, long completion, double cost, UsageAttribution who)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var key = (provider, model, who);
            _totals[key] = _totals.TryGetValue(key, out var t)
                ? t with { PromptTokens = t.PromptTokens + prompt, CompletionTokens = t.CompletionTokens + completion, CostUsd = t.CostUsd + cost, At = now, Calls = t.Calls + 1 }
                : new UsageRecord(provider, model, prompt, completion, cost, who, now);
        }
    }

    /// <summary>
    /// Raises when a call estimated at <paramref name="estimateUsd"/> would take the agent, the
    /// provider or the run past its budget. Called before every provider request.
    /// </summary>
    public void CheckBudget(string provider, string agent, double estimateUsd, double? agentBudget, double? providerBudget)
    {
        void Check(string what, double? budget, Func<UsageRecord, bool>? filter)
        {
            if (budget is not { } limit)
            {
                return;
            }

            var spent = TotalCost(filter);
            if (spent + estimateUsd > limit)
            {
                throw new ProviderException(provider,
                    $"cost budget of {what} exceeded: spent ${spent:0.######}, this call may cost up to ${estimateUsd:0.######}, limit ${limit:0.######}");
            }
        }

        Check($"agent '{agent}'", agentBudget, r => r.Attribution.Agent == agent);
        Check($"provider '{provider}'", providerBudget, r => r.Provider == provider);
        Check("the run (runtime.max_cost_usd)", runBudgetUsd, null);
    }
}
