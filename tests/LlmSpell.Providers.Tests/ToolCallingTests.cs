using System.Text.Json.Nodes;
using LlmSpell.Agents;
using LlmSpell.TestUtilities;

namespace LlmSpell.Providers.Tests;

/// <summary>The function-calling loop against real wire protocols and the mock provider.</summary>
public sealed class ToolCallingTests
{
    [Theory]
    [InlineData("openai", false)]
    [InlineData("openai", true)]
    [InlineData("anthropic", false)]
    [InlineData("anthropic", true)]
    [InlineData("ollama", false)]
    public async Task ToolCall_RunsToolAndSendsResultBack(string type, bool stream)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.ToolCall("echo_tool", "{\"text\":\"ping\"}");
        var tools = new FakeToolInvoker();
        using var kit = new AgentTestKit(AgentTestKit.Entry("p", type, type == "openai" ? server.OpenAiBase : server.BaseUrl), tools: tools);
        var agent = kit.Build("a", "p/m", c => c.AllowedTools.Add("echo_tool"));

        var reply = await AgentTestKit.Ask(agent, "use the tool", stream ? _ => true : null);

        Assert.StartsWith("Tool said: ", reply.Text, StringComparison.Ordinal);
        Assert.Contains("ping", reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, server.ChatRequestCount);
        var call = Assert.Single(tools.Calls);
        Assert.Equal("agent", call.Caller.Kind);
        Assert.Equal("ping", call.Params["text"]!.ToString());
        var log = Assert.Single(reply.ToolCalls!);
        Assert.Equal("echo_tool", log!["tool"]!.ToString());
        Assert.True(log["success"]!.GetValue<bool>());
        Assert.Equal(20, reply.PromptTokens);
        var first = server.Requests[0].Body!;
        Assert.Contains("echo_tool", first["tools"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("\"required\":[\"text\"]", first["tools"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(2, agent.History.Count);
    }

    [Fact]
    public async Task ToolCall_NotAllowedTool_AnsweredWithErrorAndLoopContinues()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.ToolCall("fail_tool", "{}");
        var tools = new FakeToolInvoker();
        using var kit = new AgentTestKit(AgentTestKit.Entry("p", "openai", server.OpenAiBase), tools: tools);
        var agent = kit.Build("a", "p/m", c => c.AllowedTools.Add("echo_tool"));

        var reply = await AgentTestKit.Ask(agent, "x");

        Assert.Contains("tool 'fail_tool' is not available", reply.Text, StringComparison.Ordinal);
        Assert.Empty(tools.Calls);
        Assert.False(reply.ToolCalls![0]!["success"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ToolCall_LimitReached_FurtherCallsAnsweredWithError()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.ToolCall("echo_tool", "{\"text\":\"a\"}").ToolCall("echo_tool", "{\"text\":\"b\"}");
        var tools = new FakeToolInvoker();
        using var kit = new AgentTestKit(AgentTestKit.Entry("p", "openai", server.OpenAiBase), tools: tools);
        var agent = kit.Build("a", "p/m", c => { c.AllowedTools.Add("echo_tool"); c.MaxToolCalls = 1; });

        var reply = await AgentTestKit.Ask(agent, "x");

        Assert.Contains("tool call limit reached", reply.Text, StringComparison.Ordinal);
        Assert.Single(tools.Calls);
        Assert.Equal(2, reply.ToolCalls!.Count);
    }

    [Fact]
    public async Task Mock_ToolMarker_CallsToolThenReportsResult()
    {
        var tools = new FakeToolInvoker();
        using var kit = new AgentTestKit("", tools: tools);
        var agent = kit.Build("a", "mock/echo", c => c.AllowedTools.Add("echo_tool"));

        var reply = await AgentTestKit.Ask(agent, "please [[tool:echo_tool {\"text\":\"hi\"}]]");

        Assert.StartsWith("Tool echo_tool returned: ", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\"hi\"", reply.Text, StringComparison.Ordinal);
        Assert.Single(tools.Calls);
    }

    [Fact]
    public async Task Registry_UnknownAllowedTool_BuildFails()
    {
        using var kit = new AgentTestKit("", tools: new FakeToolInvoker());

        var ex = Assert.Throws<AgentException>(() => kit.Build("a", "mock/echo", c => c.AllowedTools.Add("nope")));

        Assert.Equal("Agent build failed: allowed tool 'nope' does not exist", ex.Message);
        await Task.CompletedTask;
    }

    [Fact]
    public void Schema_FromDescriptor_MapsTypesRequiredAndEnums()
    {
        var d = new FakeToolInvoker().Find("echo_tool")!;

        var schema = JsonNode.Parse(ToolCalling.Schema(d).GetRawText())!;

        Assert.Equal("object", schema["type"]!.ToString());
        Assert.Equal("string", schema["properties"]!["text"]!["type"]!.ToString());
        Assert.Equal("[\"plain\",\"loud\"]", schema["properties"]!["mode"]!["enum"]!.ToJsonString());
        Assert.Equal("[\"text\"]", schema["required"]!.ToJsonString());
    }
}
