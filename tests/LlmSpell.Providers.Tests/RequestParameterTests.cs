using System.Text.Json.Nodes;
using LlmSpell.Agents;
using LlmSpell.TestUtilities;
using LlmSpell.Values;

namespace LlmSpell.Providers.Tests;

/// <summary>Per-call <c>parameters</c> (globals.md §1.4) as the fake server receives them, per protocol.</summary>
public sealed class RequestParameterTests
{
    [Fact]
    public async Task OpenAi_ExtraKeys_ReachTheRequestBodyUnchanged()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit(AgentTestKit.Entry("fake", "openai", server.OpenAiBase));
        var agent = kit.Build("a", "fake/gpt-4o-mini");

        await Ask(agent, """{ "seed": 42, "logit_bias": { "50256": -100 }, "user": "u-7", "service_tier": "flex", "n": 1, "store": false }""");

        var body = Assert.Single(server.Requests).Body!;
        Assert.Equal(42, (long)body["seed"]!);
        Assert.Equal(-100, (long)body["logit_bias"]!["50256"]!);
        Assert.Equal("u-7", (string)body["user"]!);
        Assert.Equal("flex", (string)body["service_tier"]!);
        Assert.False((bool)body["store"]!);
        Assert.Equal("gpt-4o-mini", (string)body["model"]!);
        Assert.Equal("user", (string)body["messages"]![1]!["role"]!);
    }

    [Fact]
    public async Task OpenAi_StopTopPAndJsonObject_ReachTheWire()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit(AgentTestKit.Entry("fake", "openai", server.OpenAiBase));
        var agent = kit.Build("a", "fake/gpt-4o-mini");

        await Ask(agent, """{ "stop": ["END", "STOP"], "top_p": 0.25, "response_format": { "type": "json_object" }, "temperature": 0.1, "max_tokens": 9 }""");

        var body = Assert.Single(server.Requests).Body!;
        Assert.Equal("[\"END\",\"STOP\"]", body["stop"]!.ToJsonString());
        Assert.Equal(0.25, (double)body["top_p"]!, 3);
        Assert.Equal("json_object", (string)body["response_format"]!["type"]!);
        Assert.Equal(0.1, (double)body["temperature"]!, 3);
        Assert.Equal(9, (int)body["max_tokens"]!);
    }

    [Fact]
    public async Task OpenAi_StopAsStringAndJsonSchema_ReachTheWire()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit(AgentTestKit.Entry("fake", "openai", server.OpenAiBase));
        var agent = kit.Build("a", "fake/gpt-4o-mini");

        await Ask(agent, """{ "stop": "END", "response_format": { "type": "json_schema", "json_schema": { "name": "answer", "schema": { "type": "object", "properties": { "n": { "type": "integer" } } } } } }""");

        var body = Assert.Single(server.Requests).Body!;
        Assert.Contains("END", body["stop"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("json_schema", (string)body["response_format"]!["type"]!);
        Assert.Equal("answer", (string)body["response_format"]!["json_schema"]!["name"]!);
        Assert.Equal("integer", (string)body["response_format"]!["json_schema"]!["schema"]!["properties"]!["n"]!["type"]!);
    }

    [Fact]
    public async Task OpenAi_Streaming_ExtraKeysStillSent()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit(AgentTestKit.Entry("fake", "openai", server.OpenAiBase));
        var agent = kit.Build("a", "fake/gpt-4o-mini");

        await Ask(agent, """{ "seed": 7 }""", stream: true);

        var body = Assert.Single(server.Requests).Body!;
        Assert.Equal(7, (long)body["seed"]!);
        Assert.True((bool)body["stream"]!);
    }

    [Fact]
    public async Task OpenAi_ReservedKey_NotSentAndWarned()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit(AgentTestKit.Entry("fake", "openai", server.OpenAiBase));
        var agent = kit.Build("a", "fake/gpt-4o-mini");

        await Ask(agent, """{ "model": "other" }""");

        Assert.Equal("gpt-4o-mini", (string)Assert.Single(server.Requests).Body!["model"]!);
        Assert.Contains(kit.Events.Events, e => e.Name == "provider.warning" && e.Data["message"]!.ToString().Contains("'model'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ollama_ModelOptionKeys_GoIntoOptions_OthersWarned()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit(AgentTestKit.Entry("local", "ollama", server.BaseUrl));
        var agent = kit.Build("a", "local/llama3");

        await Ask(agent, """{ "seed": 3, "top_k": 5, "num_ctx": 2048, "stop": ["END"], "top_p": 0.5, "response_format": "json", "logit_bias": { "1": 2 } }""");

        var body = Assert.Single(server.Requests).Body!;
        var options = body["options"]!;
        Assert.Equal(3, (long)options["seed"]!);
        Assert.Equal(5, (long)options["top_k"]!);
        Assert.Equal(2048, (long)options["num_ctx"]!);
        Assert.Equal(0.5, (double)options["top_p"]!, 3);
        Assert.Contains("END", options["stop"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("json", (string)body["format"]!);
        Assert.Null(body["logit_bias"]);
        Assert.Contains(kit.Events.Events, e => e.Name == "provider.warning" && e.Data["message"]!.ToString().Contains("'logit_bias'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Anthropic_StopTopPTopKAndExtras_ReachTheWire(bool stream)
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var kit = new AgentTestKit(AgentTestKit.Entry("anthropic", "anthropic", server.BaseUrl));
        var agent = kit.Build("a", "anthropic/claude-3-5-haiku-latest");

        var reply = await Ask(agent, """{ "stop": "END", "top_p": 0.5, "top_k": 4, "max_tokens": 99, "response_format": { "type": "json_object" }, "service_tier": "auto" }""", stream);

        var body = Assert.Single(server.Requests).Body!;
        Assert.Equal("[\"END\"]", body["stop_sequences"]!.ToJsonString());
        Assert.Equal(0.5, (double)body["top_p"]!, 3);
        Assert.Equal(4, (long)body["top_k"]!);
        Assert.Equal("auto", (string)body["service_tier"]!);
        Assert.Equal(99, (int)body["max_tokens"]!);
        Assert.Equal(stream, body["stream"] is not null && (bool)body["stream"]!);
        Assert.Equal("Echo: hi", reply.Text);
        Assert.Equal("claude-3-5-haiku-latest", (string)body["model"]!);
        Assert.Equal("hi", (string)body["messages"]![0]!["content"]![0]!["text"]!);
        Assert.Contains("Respond with a single JSON object.", body["system"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(kit.Events.Events, e => e.Name == "provider.warning");
    }

    [Fact]
    public async Task Anthropic_AgentTemperatureWithTools_SentWithToolsIntact()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.ToolCall("echo_tool", "{\"text\":\"ping\"}");
        using var kit = new AgentTestKit(AgentTestKit.Entry("anthropic", "anthropic", server.BaseUrl), tools: new FakeToolInvoker());
        var agent = kit.Build("a", "anthropic/claude-3-5-haiku-latest", c => { c.Temperature = 0.3; c.AllowedTools.Add("echo_tool"); });

        var reply = await Ask(agent, """{ "metadata": { "user_id": "u1" } }""");

        Assert.Contains("ping", reply.Text, StringComparison.Ordinal);
        var first = server.Requests[0].Body!;
        Assert.Equal(0.3, (double)first["temperature"]!, 3);
        Assert.Equal("u1", (string)first["metadata"]!["user_id"]!);
        Assert.Contains("echo_tool", first["tools"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0.3, (double)server.Requests[1].Body!["temperature"]!, 3);
    }

    [Fact]
    public async Task Mock_ExtraKeys_NoWarning()
    {
        using var kit = new AgentTestKit("");
        var agent = kit.Build("a", "mock/echo");

        var reply = await Ask(agent, """{ "seed": 1 }""");

        Assert.Equal("hi", reply.Text);
        Assert.DoesNotContain(kit.Events.Events, e => e.Name == "provider.warning");
    }

    private static Task<AgentReply> Ask(LlmAgent agent, string parametersJson, bool stream = false)
    {
        var input = new JsonObject { ["text"] = "hi", ["parameters"] = JsonText.Parse(parametersJson) };
        return agent.ExecuteAsync(AgentRequest.From(agent.Name, input), stream ? _ => true : null, TestContext.Current.CancellationToken);
    }
}
