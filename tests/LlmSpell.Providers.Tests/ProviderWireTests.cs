using LlmSpell.TestUtilities;

namespace LlmSpell.Providers.Tests;

/// <summary>Agents against the fake server speaking each vendor protocol, JSON and streamed.</summary>
public sealed class ProviderWireTests
{
    [Fact]
    public async Task OpenAi_Execute_SendsBearerKeyAndReportsUsage()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit(AgentTestKit.Entry("fake", "openai", server.OpenAiBase));
        var agent = kit.Build("a", "fake/gpt-4o-mini", c => { c.Temperature = 0.5; c.MaxTokens = 77; });

        var reply = await AgentTestKit.Ask(agent, "hello");

        Assert.Equal("Echo: hello", reply.Text);
        Assert.Equal("fake", reply.Provider);
        Assert.Equal(10, reply.PromptTokens);
        Assert.Equal(5, reply.CompletionTokens);
        Assert.Equal("stop", reply.FinishReason);
        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer sk-test-123", request.Header("authorization"));
        Assert.Equal("gpt-4o-mini", request.Body!["model"]!.ToString());
        Assert.Equal(0.5, (double)request.Body["temperature"]!, 3);
        Assert.Equal(77, (int)request.Body["max_tokens"]!);
        Assert.Null(request.Body["max_completion_tokens"]);
        Assert.Equal("system", request.Body["messages"]![0]!["role"]!.ToString());
    }

    [Fact]
    public async Task OpenAi_Streaming_DeliversChunksInOrderWithUsage()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit(AgentTestKit.Entry("fake", "openai", server.OpenAiBase));
        var agent = kit.Build("a", "fake/gpt-4o-mini");
        var chunks = new List<string>();

        var reply = await AgentTestKit.Ask(agent, "one two three", c => { chunks.Add(c); return true; });

        Assert.Equal(["Echo: ", "one ", "two ", "three"], chunks);
        Assert.Equal("Echo: one two three", reply.Text);
        Assert.Equal(15, reply.PromptTokens + reply.CompletionTokens);
        Assert.True(server.Requests[0].Body!["stream_options"]!["include_usage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task OpenAi_BaseUrlWithoutKey_SendsNoAuthorizationHeader()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit($"[providers.local]\nprovider_type = \"openai\"\nbase_url = \"{server.OpenAiBase}\"\n");
        var agent = kit.Build("a", "local/llama");

        await AgentTestKit.Ask(agent, "hi");

        Assert.Null(server.Requests[0].Header("authorization"));
    }

    [Fact]
    public async Task Anthropic_Execute_AuthenticatesWithApiKeyAndVersionHeaders()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit(AgentTestKit.Entry("anthropic", "anthropic", server.BaseUrl));
        var agent = kit.Build("a", "anthropic/claude-3-5-haiku-latest");

        var reply = await AgentTestKit.Ask(agent, "hello");

        Assert.Equal("Echo: hello", reply.Text);
        Assert.Equal(15, reply.PromptTokens + reply.CompletionTokens);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/messages", request.Path);
        Assert.True(request.Header("x-api-key") == "sk-test-123", string.Join("; ", request.Headers.Select(h => h.Key + "=" + h.Value)));
        Assert.Equal("2023-06-01", request.Header("anthropic-version"));
        Assert.Null(request.Header("authorization"));
        Assert.Equal(4096, (int)request.Body!["max_tokens"]!);
        Assert.Contains("You are a", request.Body["system"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anthropic_Streaming_DeliversDeltasAndUsage()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit(AgentTestKit.Entry("anthropic", "anthropic", server.BaseUrl + "/v1"));
        var agent = kit.Build("a", "anthropic/claude-3-5-haiku-latest");
        var chunks = new List<string>();

        var reply = await AgentTestKit.Ask(agent, "a b", c => { chunks.Add(c); return true; });

        Assert.Equal("Echo: a b", string.Concat(chunks));
        Assert.True(chunks.Count >= 3);
        Assert.Equal(10, reply.PromptTokens);
        Assert.Equal(5, reply.CompletionTokens);
    }

    [Fact]
    public async Task Ollama_JsonAndNdjson_BothWork()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit($"[providers.ollama]\nbase_url = \"{server.BaseUrl}\"\n");
        var agent = kit.Build("a", "ollama/llama3.1:8b");

        var plain = await AgentTestKit.Ask(agent, "x y");
        var chunks = new List<string>();
        var streamed = await AgentTestKit.Ask(agent, "p q", c => { chunks.Add(c); return true; });

        Assert.Equal("Echo: x y", plain.Text);
        Assert.Equal("Echo: p q", streamed.Text);
        Assert.Equal("Echo: p q", string.Concat(chunks));
        Assert.Equal(15, streamed.PromptTokens + streamed.CompletionTokens);
        Assert.All(server.Requests, r => Assert.Equal("/api/chat", r.Path));
        Assert.Equal("llama3.1:8b", server.Requests[0].Body!["model"]!.ToString());
    }

    [Fact]
    public async Task Embeddings_OpenAiAndOllama_ReturnVectors()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit(AgentTestKit.Entry("fake", "openai", server.OpenAiBase) + $"[providers.ollama]\nbase_url = \"{server.BaseUrl}\"\n");
        var ct = TestContext.Current.CancellationToken;

        var openai = await kit.Hub.CreateEmbeddingGenerator(kit.Hub.Resolver.Find("fake")!, "text-embedding-3-small").GenerateAsync(["abc", "de"], cancellationToken: ct);
        var ollama = await kit.Hub.CreateEmbeddingGenerator(kit.Hub.Resolver.Find("ollama")!, "nomic-embed-text").GenerateAsync(["abcd"], cancellationToken: ct);

        Assert.Equal(2, openai.Count);
        Assert.Equal(3f, openai[0].Vector.Span[0]);
        Assert.Equal(4f, ollama[0].Vector.Span[0]);
        Assert.Contains(server.Requests, r => r.Path == "/api/embed");
    }
}
