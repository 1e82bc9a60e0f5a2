using System.Diagnostics;
using LlmSpell.Agents;
using LlmSpell.TestUtilities;

namespace LlmSpell.Providers.Tests;

/// <summary>Run budgets and adaptation to the provider's rate-limit headers.</summary>
public sealed class BudgetAndLimitTests
{
    [Fact]
    public async Task RunBudget_SpentByEarlierCalls_StopsTheNextCallBeforeSending()
    {
        await using var server = await FakeLlmServer.StartAsync();
        var toml = "[runtime]\nmax_cost_usd = 0.00009\n" + AgentTestKit.Entry("fake", "openai", server.OpenAiBase);
        using var kit = new AgentTestKit(toml);
        var agent = kit.Build("a", "fake/gpt-4o", c => c.MemoryEnabled = false);

        await AgentTestKit.Ask(agent, "first");
        var ex = await Assert.ThrowsAsync<AgentException>(() => AgentTestKit.Ask(agent, "second"));

        Assert.Contains("cost budget of the run (runtime.max_cost_usd) exceeded", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.ChatRequestCount);
        Assert.Equal(0.00007500, kit.Hub.Ledger.TotalCost(), 8);
    }

    [Fact]
    public async Task RateLimitHeaders_RemainingZero_NextRequestWaitsForReset()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Fault(new FakeLlmFault(Headers: new Dictionary<string, string>
        {
            ["x-ratelimit-remaining-requests"] = "0", ["x-ratelimit-reset-requests"] = "800ms",
        }));
        using var kit = new AgentTestKit(AgentTestKit.Entry("fake", "openai", server.OpenAiBase));
        var agent = kit.Build("a", "fake/gpt-4o-mini");
        await AgentTestKit.Ask(agent, "one");

        var sw = Stopwatch.StartNew();
        await AgentTestKit.Ask(agent, "two");

        Assert.True(sw.Elapsed >= TimeSpan.FromMilliseconds(600), $"waited only {sw.Elapsed.TotalMilliseconds} ms");
        Assert.Contains(kit.Events.Events, e => e.Name == "provider.rate_limited");
    }
}
