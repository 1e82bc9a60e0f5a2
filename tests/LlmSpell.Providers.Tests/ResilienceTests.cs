using LlmSpell.Agents;
using LlmSpell.TestUtilities;

namespace LlmSpell.Providers.Tests;

/// <summary>Retries, non-retryable errors, broken replies, timeouts, breaker and fallback against the fake server.</summary>
public sealed class ResilienceTests
{
    private static string Fast(string baseUrl, string extra = "") =>
        AgentTestKit.Entry("fake", "openai", baseUrl, "retry = { initial_delay_ms = 10, max_delay_ms = 50 }\n" + extra);

    [Fact]
    public async Task Execute_429WithRetryAfterThenSuccess_RetriesOnceAndChargesOnce()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Fault(new FakeLlmFault(Status: 429, RetryAfter: "0"));
        using var kit = new AgentTestKit(Fast(server.OpenAiBase));
        var agent = kit.Build("a", "fake/gpt-4o-mini");

        var reply = await AgentTestKit.Ask(agent, "hi");

        Assert.Equal("Echo: hi", reply.Text);
        Assert.Equal(2, server.ChatRequestCount);
        Assert.Equal(15, kit.Hub.Ledger.TotalTokens());
        Assert.Single(kit.Hub.Ledger.Records);
        Assert.Contains(kit.Events.Events, e => e.Name == "provider.retry");
    }

    [Fact]
    public async Task Execute_401_NotRetriedAndNamesProviderAndCause()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Fault(new FakeLlmFault(Status: 401, Body: "{\"error\":{\"message\":\"Incorrect API key provided\"}}"));
        using var kit = new AgentTestKit(Fast(server.OpenAiBase));
        var agent = kit.Build("writer", "fake/gpt-4o-mini");

        var ex = await Assert.ThrowsAsync<AgentException>(() => AgentTestKit.Ask(agent, "hi"));

        Assert.Equal("Agent 'writer' failed: provider 'fake' returned HTTP 401: Incorrect API key provided", ex.Message);
        Assert.Equal(1, server.ChatRequestCount);
        Assert.Empty(kit.Hub.Ledger.Records);
        Assert.Equal(0, agent.History.Count);
    }

    [Fact]
    public async Task Execute_500Always_RetriesMaxRetriesThenFails()
    {
        await using var server = await FakeLlmServer.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            server.Fault(new FakeLlmFault(Status: 500));
        }

        using var kit = new AgentTestKit(Fast(server.OpenAiBase, "max_retries = 2\n"));
        var agent = kit.Build("a", "fake/gpt-4o-mini");

        var ex = await Assert.ThrowsAsync<AgentException>(() => AgentTestKit.Ask(agent, "hi"));

        Assert.Contains("provider 'fake' returned HTTP 500: fake error 500", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.ChatRequestCount);
    }

    [Fact]
    public async Task Execute_MalformedJson_FailsClearly()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Fault(new FakeLlmFault(Malformed: true));
        using var kit = new AgentTestKit(Fast(server.OpenAiBase));
        var agent = kit.Build("a", "fake/gpt-4o-mini");

        var ex = await Assert.ThrowsAsync<AgentException>(() => AgentTestKit.Ask(agent, "hi"));

        Assert.StartsWith("Agent 'a' failed: provider 'fake' returned an unreadable reply for model 'gpt-4o-mini'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.ChatRequestCount);
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("anthropic")]
    [InlineData("ollama")]
    public async Task Streaming_BrokenMidway_FailsAndKeepsHistoryUnchanged(string type)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Fault(new FakeLlmFault(Truncate: true));
        var baseUrl = type == "openai" ? server.OpenAiBase : server.BaseUrl;
        using var kit = new AgentTestKit(AgentTestKit.Entry("p", type, baseUrl));
        var agent = kit.Build("a", "p/some-model");

        var ex = await Assert.ThrowsAsync<AgentException>(() => AgentTestKit.Ask(agent, "one two three", _ => true));

        Assert.StartsWith("Agent 'a' failed: provider 'p'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, agent.History.Count);
    }

    [Fact]
    public async Task Execute_SlowReply_TimesOutPerAttempt()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Fault(new FakeLlmFault(Delay: TimeSpan.FromSeconds(5)));
        using var kit = new AgentTestKit(Fast(server.OpenAiBase, "timeout_seconds = 1\nmax_retries = 0\n"));
        var agent = kit.Build("a", "fake/gpt-4o-mini");

        var ex = await Assert.ThrowsAsync<AgentException>(() => AgentTestKit.Ask(agent, "hi"));

        Assert.Equal("Agent 'a' failed: provider 'fake' timed out after 1 s (0 retries)", ex.Message);
    }

    [Fact]
    public async Task Breaker_OpensAfterThreshold_FailsFastWithoutRequests()
    {
        await using var server = await FakeLlmServer.StartAsync();
        for (var i = 0; i < 2; i++)
        {
            server.Fault(new FakeLlmFault(Status: 503));
        }

        using var kit = new AgentTestKit(Fast(server.OpenAiBase, "max_retries = 0\ncircuit_breaker = { failure_threshold = 2, break_seconds = 30 }\n"));
        var agent = kit.Build("a", "fake/gpt-4o-mini");
        await Assert.ThrowsAsync<AgentException>(() => AgentTestKit.Ask(agent, "1"));
        await Assert.ThrowsAsync<AgentException>(() => AgentTestKit.Ask(agent, "2"));

        var ex = await Assert.ThrowsAsync<AgentException>(() => AgentTestKit.Ask(agent, "3"));

        Assert.Equal("Agent 'a' failed: provider 'fake' is unavailable after 2 consecutive failures; retrying after 30 s", ex.Message);
        Assert.Equal(2, server.ChatRequestCount);
        Assert.Contains(kit.Events.Events, e => e.Name == "provider.circuit_opened");
    }

    [Fact]
    public async Task Fallback_ProviderUnavailable_UsesNextModelInChain()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Fault(new FakeLlmFault(Status: 503));
        using var kit = new AgentTestKit(Fast(server.OpenAiBase, "max_retries = 0\nfallback = [\"mock/echo\"]\n"));
        var agent = kit.Build("a", "fake/gpt-4o-mini");

        var reply = await AgentTestKit.Ask(agent, "rescue me");

        Assert.Equal("rescue me", reply.Text);
        Assert.Equal("mock", reply.Provider);
        Assert.Contains(kit.Events.Events, e => e.Name == "provider.fallback");
    }

    [Fact]
    public async Task Cache_IdenticalRequest_ServedWithoutCallAndNotCharged()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit(Fast(server.OpenAiBase, "cache = { enabled = true }\n"));
        var agent = kit.Build("a", "fake/gpt-4o-mini", c => c.MemoryEnabled = false);

        var first = await AgentTestKit.Ask(agent, "same");
        var second = await AgentTestKit.Ask(agent, "same");

        Assert.Equal(first.Text, second.Text);
        Assert.True(second.Cached);
        Assert.Equal(1, server.ChatRequestCount);
        Assert.Single(kit.Hub.Ledger.Records);
    }

    [Fact]
    public async Task Cache_RequestsDifferingOnlyInExtraParameter_AreNotServedFromEachOther()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit(Fast(server.OpenAiBase, "cache = { enabled = true }\n"));
        var agent = kit.Build("a", "fake/gpt-4o-mini", c => c.MemoryEnabled = false);
        AgentRequest WithSeed(int seed) => AgentRequest.From("a", new System.Text.Json.Nodes.JsonObject
        {
            ["text"] = "same", ["parameters"] = new System.Text.Json.Nodes.JsonObject { ["seed"] = seed },
        });

        var first = await agent.ExecuteAsync(WithSeed(1), null, TestContext.Current.CancellationToken);
        var second = await agent.ExecuteAsync(WithSeed(2), null, TestContext.Current.CancellationToken);
        var again = await agent.ExecuteAsync(WithSeed(2), null, TestContext.Current.CancellationToken);

        Assert.False(first.Cached);
        Assert.False(second.Cached);
        Assert.True(again.Cached);
        Assert.Equal(2, server.ChatRequestCount);
        Assert.Equal([1, 2], server.Requests.Select(r => (int)r.Body!["seed"]!));
    }

    [Fact]
    public async Task Usage_ManyCalls_KeepOneEntryPerAgentWithTotals()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit(Fast(server.OpenAiBase));
        var agent = kit.Build("a", "fake/gpt-4o-mini", c => c.MemoryEnabled = false);
        var other = kit.Build("b", "fake/gpt-4o-mini", c => c.MemoryEnabled = false);

        for (var i = 0; i < 5; i++)
        {
            await AgentTestKit.Ask(agent, "hi");
        }

        await AgentTestKit.Ask(other, "hi");

        var a = Assert.Single(kit.Hub.Ledger.Records, r => r.Attribution.Agent == "a");
        Assert.Equal(5, a.Calls);
        Assert.Equal(5 * FakeLlmServer.PromptTokens, a.PromptTokens);
        Assert.Equal(5 * FakeLlmServer.CompletionTokens, a.CompletionTokens);
        Assert.Equal(2, kit.Hub.Ledger.Records.Count);
        Assert.Equal(6 * (FakeLlmServer.PromptTokens + FakeLlmServer.CompletionTokens), kit.Hub.Ledger.TotalTokens());
    }

    [Fact]
    public async Task Budget_CallWouldExceedAgentBudget_FailsBeforeSending()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit(Fast(server.OpenAiBase));
        var agent = kit.Build("a", "fake/gpt-4o", c => { c.MaxCostUsd = 0.0001; c.MaxTokens = 1000; });

        var ex = await Assert.ThrowsAsync<AgentException>(() => AgentTestKit.Ask(agent, "hi"));

        Assert.StartsWith("Agent 'a' failed: cost budget of agent 'a' exceeded", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.ChatRequestCount);
    }

    [Fact]
    public async Task Usage_CostFromConfiguredPrices_AttributedToAgent()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit(Fast(server.OpenAiBase, "prices = { \"my-model\" = { input = 1000000.0, output = 2000000.0 } }\n"));
        var agent = kit.Build("costly", "fake/my-model");

        var reply = await AgentTestKit.Ask(agent, "hi");

        Assert.Equal(20.0, reply.CostUsd, 6);
        var record = Assert.Single(kit.Hub.Ledger.Records);
        Assert.Equal("costly", record.Attribution.Agent);
        Assert.Equal(20.0, kit.Hub.Ledger.TotalCost(r => r.Attribution.Agent == "costly"), 6);
    }
}
