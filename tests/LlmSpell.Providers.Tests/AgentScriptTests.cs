using LlmSpell.TestUtilities;

namespace LlmSpell.Providers.Tests;

/// <summary>Runs tests/scripts/agents_*.lua through the full runtime, with providers pointing at the fake server.</summary>
public sealed class AgentScriptTests
{
    public static TheoryData<string> Scripts() =>
        [.. Directory.GetFiles(RepoPaths.ScriptTests, "agents_*.lua").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Script_Runs(string file)
    {
        await using var server = await FakeLlmServer.StartAsync();
        var toml = $"""
            [providers.fake]
            provider_type = "openai"
            base_url = "{server.OpenAiBase}"
            [providers.canned]
            provider_type = "mock"
            responses = ["first", "second"]
            [providers.off]
            provider_type = "mock"
            enabled = false
            [providers.groqless]
            provider_type = "groq"
            api_key = "k"
            [providers.mock]
            max_retries = 1
            retry.initial_delay_ms = 10
            [providers.unreachable]
            provider_type = "openai"
            base_url = "http://127.0.0.1:9/v1"
            max_retries = 0
            """;

        var result = await Task.Run(() => ScriptHarness.RunFile(Path.Combine(RepoPaths.ScriptTests, file), toml), TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.ToString());

        // The same script through the binary users run (the launcher's Native AOT build).
        var native = await Task.Run(() => CliScriptRunner.RunFile(Path.Combine(RepoPaths.ScriptTests, file), toml), TestContext.Current.CancellationToken);
        Assert.True(native.ExitCode == 0, "native build: " + native);
    }
}
