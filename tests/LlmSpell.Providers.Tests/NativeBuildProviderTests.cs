using LlmSpell.TestUtilities;

namespace LlmSpell.Providers.Tests;

/// <summary>
/// Each vendor SDK through the Native AOT binary the launcher builds: the SDKs
/// serialize their wire types with reflection, which the ahead-of-time build can break (trimmed
/// members, no dynamic code). Execute, streaming and one function-calling round trip per wire protocol.
/// </summary>
public sealed class NativeBuildProviderTests
{
    private const string Script = """
        local model = ARGS[1]
        local a = Agent.builder():name("n"):model(model):allowed_tools({ "uuid_generator" }):build()
        local t = a:execute("make an id")
        assert.equals(#t.metadata.tool_calls, 1)
        assert.equals(t.metadata.tool_calls[1].tool, "uuid_generator")
        assert.equals(t.metadata.tool_calls[1].success, true)
        local r = a:execute({ text = "hello" })
        assert.equals(r.text, "Echo: hello")
        assert.equals(r.metadata.usage.total_tokens, 15)
        local seen = {}
        local s = a:execute_streaming("one two", function(chunk) table.insert(seen, chunk.text) end)
        assert.equals(table.concat(seen), "Echo: one two")
        assert.equals(s.metadata.usage.total_tokens, 15)
        print("native ok " .. model)
        """;

    [Theory]
    [InlineData("openai", "fake/gpt-4o-mini")]
    [InlineData("anthropic", "claude/claude-3-5-haiku-latest")]
    [InlineData("ollama", "ollama/llama3.1:8b")]
    public async Task Provider_ExecuteStreamAndToolCall_WorkInTheNativeBuild(string wire, string model)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.ToolCall("uuid_generator", "{}");
        var toml = wire switch
        {
            "openai" => AgentTestKit.Entry("fake", "openai", server.OpenAiBase),
            "anthropic" => AgentTestKit.Entry("claude", "anthropic", server.BaseUrl),
            _ => $"[providers.ollama]\nbase_url = \"{server.BaseUrl}\"\n",
        };
        using var dir = new TempDirectory();
        var script = dir.Write("native.lua", Script);

        var r = await Task.Run(() => CliScriptRunner.RunFile(script, toml, [model]), TestContext.Current.CancellationToken);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("native ok " + model, r.Stdout, StringComparison.Ordinal);
        Assert.Equal(4, server.ChatRequestCount);
    }
}
