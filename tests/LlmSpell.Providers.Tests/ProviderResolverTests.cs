using LlmSpell.Agents;

namespace LlmSpell.Providers.Tests;

/// <summary>Model strings, credentials and endpoints (behaviours.md §1.3–1.5).</summary>
public sealed class ProviderResolverTests
{
    [Theory]
    [InlineData(null, "openai/gpt-4o-mini", "openai", "gpt-4o-mini")]
    [InlineData(null, "anthropic/claude-3-haiku-20240307", "anthropic", "claude-3-haiku-20240307")]
    [InlineData(null, "ollama/llama3.1:8b", "ollama", "llama3.1:8b")]
    [InlineData(null, "groq/llama-3.1-8b-instant", "groq", "llama-3.1-8b-instant")]
    [InlineData(null, "gpt-4o-mini", "openai", "gpt-4o-mini")]
    [InlineData(null, "claude-3-5-sonnet", "anthropic", "claude-3-5-sonnet")]
    [InlineData(null, "o3-mini", "openai", "o3-mini")]
    [InlineData(null, "meta-llama/llama-3-8b", "openai", "meta-llama/llama-3-8b")]
    [InlineData("openrouter", "meta-llama/llama-3-8b", "openrouter", "meta-llama/llama-3-8b")]
    [InlineData("anthropic", "anthropic/claude-3-haiku-20240307", "anthropic", "claude-3-haiku-20240307")]
    [InlineData("anthropic", null, "anthropic", null)]
    public void ResolveModel_FollowsSpecRules(string? provider, string? model, string expectedProvider, string? expectedModel)
    {
        using var kit = new AgentTestKit("");

        var r = kit.Hub.Resolver.ResolveModel(provider, model);

        Assert.Equal(expectedProvider, r.Provider);
        Assert.Equal(expectedModel, r.Model);
    }

    [Fact]
    public void Build_KeyFromEnvironment_NoNetworkCall()
    {
        using var kit = new AgentTestKit("", new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-env" });

        var agent = kit.Build("a", "gpt-4o-mini");

        Assert.Equal("sk-env", agent.Settings!.ApiKey);
        Assert.Equal("https://api.openai.com/v1", agent.Settings.BaseUrl);
    }

    [Fact]
    public void Build_OpenAiBaseUrlFromEnvironment_DoesNotWaiveKey()
    {
        using var kit = new AgentTestKit("", new Dictionary<string, string> { ["OPENAI_BASE_URL"] = "http://127.0.0.1:1/v1" });

        var ex = Assert.Throws<AgentException>(() => kit.Build("a", "openai/gpt-4o-mini"));

        Assert.Equal("Agent build failed: provider 'openai' has no API key; set the OPENAI_API_KEY environment variable or providers.openai.api_key in the config, or run 'llmspell keys add openai <key>'", ex.Message);
    }

    [Fact]
    public void Build_ApiKeyEnvEntry_ErrorNamesThatVariable()
    {
        using var kit = new AgentTestKit("[providers.work]\nprovider_type = \"anthropic\"\napi_key_env = \"WORK_KEY\"\n");

        var ex = Assert.Throws<AgentException>(() => kit.Build("a", "work/claude-3-5-haiku-latest"));

        Assert.Contains("set the WORK_KEY environment variable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_AnthropicEnvironmentBase_UsedWhenEntryHasNone()
    {
        using var kit = new AgentTestKit("", new Dictionary<string, string> { ["ANTHROPIC_BASE_URL"] = "http://127.0.0.1:5/", ["OLLAMA_HOST"] = "http://127.0.0.1:6" });

        Assert.Equal("http://127.0.0.1:5", kit.Hub.Resolver.Find("anthropic")!.BaseUrl);
        Assert.Equal("http://127.0.0.1:6", kit.Hub.Resolver.Find("ollama")!.BaseUrl);
        Assert.False(kit.Hub.Resolver.Find("ollama")!.KeyRequired);
    }

    [Fact]
    public void Build_UnknownProvider_ListsKnownProviders()
    {
        using var kit = new AgentTestKit("");

        var ex = Assert.Throws<AgentException>(() => kit.Registry.Build(new AgentConfig { Name = "a", Provider = "nosuch", Model = "x" }));

        Assert.StartsWith("Agent build failed: unknown provider 'nosuch' (known providers: anthropic, cohere,", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_History_KeepsWholePairsWithinWindow()
    {
        using var kit = new AgentTestKit("");
        var agent = kit.Build("a", "mock/echo", c => c.MaxConversationLength = 4);

        for (var i = 0; i < 4; i++)
        {
            await AgentTestKit.Ask(agent, "m" + i);
        }

        Assert.Equal(4, agent.History.Count);
        Assert.Equal("m2", agent.History.Turns[0].Content);
    }
}
