using System.Text.Json.Nodes;
using LlmSpell.TestUtilities;

namespace LlmSpell.Providers.Tests;

/// <summary><c>Agent.wrap_as_tool</c> (behaviours.md §3.3) and per-call parameters from Lua, asserting what the fake server received.</summary>
public sealed class WrapAsToolTests
{
    [Fact]
    public async Task WrapAsTool_OtherAgentCallsItThroughFunctionCalling_ContextPrependedOnTheWire()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.ToolCall("helper_tool", """{"input":"summarise the report","context":"Use bullet points"}""");
        var result = await Run(server, """
            Agent.create({ name = "helper", model = "fake/helper-model" })
            assert.equals(Agent.wrap_as_tool("helper"), "helper_tool")
            local boss = Agent.create({ name = "boss", model = "fake/boss-model", allowed_tools = { "helper_tool" } })
            local r = boss:execute("delegate please")
            assert.equals(r.metadata.tool_calls[1].tool, "helper_tool")
            assert.equals(r.metadata.tool_calls[1].success, true)
            print(r.text)
            """);

        Assert.True(result.Success, result.ToString());
        Assert.Equal(3, server.ChatRequestCount);
        var declared = server.Requests[0].Body!["tools"]!.ToJsonString();
        Assert.Contains("\"name\":\"helper_tool\"", declared, StringComparison.Ordinal);
        Assert.Contains("\"required\":[\"input\"]", declared, StringComparison.Ordinal);
        var inner = server.Requests[1].Body!;
        Assert.Equal("helper-model", (string)inner["model"]!);
        var innerMessages = inner["messages"]!.AsArray();
        Assert.Equal("Use bullet points\n\nsummarise the report", (string)innerMessages[^1]!["content"]!);
        Assert.Null(inner["tools"]);
        var toolMessage = server.Requests[2].Body!["messages"]!.AsArray().Last(m => (string?)m!["role"] == "tool")!;
        var envelope = JsonNode.Parse((string)toolMessage["content"]!)!;
        Assert.Equal("execute", (string)envelope["operation"]!);
        Assert.True((bool)envelope["success"]!);
        Assert.Equal("Echo: Use bullet points\n\nsummarise the report", (string)envelope["result"]!["text"]!);
        Assert.Equal("helper", (string)envelope["result"]!["agent"]!);
        Assert.Equal("helper-model", (string)envelope["result"]!["model"]!);
        Assert.StartsWith("Tool said: ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrapAsTool_WrappedAgentProviderFails_ToolCallReportsAgentError()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.ToolCall("helper_tool", """{"input":"x"}""").Fault(new FakeLlmFault()).Fault(new FakeLlmFault(Status: 401));
        var result = await Run(server, """
            Agent.create({ name = "helper", model = "fake/helper-model" })
            Agent.wrap_as_tool("helper")
            local boss = Agent.create({ name = "boss", model = "fake/boss-model", allowed_tools = { "helper_tool" } })
            local r = boss:execute("delegate please")
            assert.equals(r.metadata.tool_calls[1].success, false)
            assert.contains(r.metadata.tool_calls[1].error, "Tool 'helper_tool' failed: Agent 'helper' failed")
            """);

        Assert.True(result.Success, result.ToString());
    }

    [Fact]
    public async Task Parameters_FromLua_ExtraKeysStopAndJsonObjectInOpenAiBody()
    {
        await using var server = await FakeLlmServer.StartAsync();
        var result = await Run(server, """
            local a = Agent.create({ name = "helper", model = "fake/helper-model" })
            local r = a:execute({ text = "hi", parameters = { seed = 5, user = "alice", stop = "END", response_format = { type = "json_object" } } })
            assert.equals(r.text, "Echo: hi")
            """);

        Assert.True(result.Success, result.ToString());
        var body = Assert.Single(server.Requests).Body!;
        Assert.Equal(5, (long)body["seed"]!);
        Assert.Equal("alice", (string)body["user"]!);
        Assert.Contains("END", body["stop"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("json_object", (string)body["response_format"]!["type"]!);
    }

    [Fact]
    public async Task Parameters_UnsupportedKeyOnOllama_WarnsOnStderr()
    {
        await using var server = await FakeLlmServer.StartAsync();
        var result = await Task.Run(() => ScriptHarness.Run("""
            local a = Agent.create({ name = "local", model = "ol/llama3" })
            a:execute({ text = "hi", parameters = { logit_bias = { ["1"] = 2 } } })
            a:execute({ text = "again", parameters = { logit_bias = { ["1"] = 2 } } })
            """, $"[providers.ol]\nprovider_type = \"ollama\"\nbase_url = \"{server.BaseUrl}\"\n"), TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.ToString());
        var warning = "Warning: provider 'ol' (ollama) has no request field or model option 'logit_bias'; it was not sent";
        Assert.Single(result.Stderr.Split('\n'), l => l.Contains(warning, StringComparison.Ordinal));
    }

    private static Task<HarnessResult> Run(FakeLlmServer server, string lua) =>
        Task.Run(() => ScriptHarness.Run(lua, $"[providers.fake]\nprovider_type = \"openai\"\nbase_url = \"{server.OpenAiBase}\"\nmax_retries = 0\n"), TestContext.Current.CancellationToken);
}
