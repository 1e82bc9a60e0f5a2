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
    private readonly List<UsageRecord> _records = [];

    /// <summary>All records so far.</summary>
    public IReadOnlyList<UsageRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }

    /// <summary>Total cost of records matching <paramref name="filter"/> (all when null).</summary>
    public double TotalCost(Func<UsageRecord, bool>? filter = null)
    {
        lock (_gate)
        {
            return _records.Where(r => filter?.Invoke(r) ?? true).Sum(r => r.CostUsd);
        }
    }

    /// <summary>Total tokens of records matching <paramref name="filter"/>.</summary>
    public long TotalTokens(Func<UsageRecord, bool>? filter = null)
    {
        lock (_gate)
        {
            return _records.Where(r => filter?.Invoke(r) ?? true).Sum(r => r.TotalTokens);
        }
    }

    /// <summary>Records one response.</summary>
    public UsageRecord Record(string provider, string model, long prompt, long completion, double cost, UsageAttribution who)
    {
        var record = new UsageRecord(provider, model, prompt, completion, cost, who, time.GetUtcNow());
        lock (_gate)
        {
            _records.Add(record);
        }

        return record;
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
