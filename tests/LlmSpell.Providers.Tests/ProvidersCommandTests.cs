using LlmSpell.TestUtilities;

namespace LlmSpell.Providers.Tests;

/// <summary><c>llmspell providers</c> through the real CLI process (cli-and-config.md §2.5).</summary>
public sealed class ProvidersCommandTests
{
    [Fact]
    public void Providers_Detailed_ShowsKeyPresenceNeverTheKey()
    {
        var env = new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "sk-secret-value-1234", ["ANTHROPIC_API_KEY"] = null };

        var r = CliProcess.Run(["providers", "--detailed"], env);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Available Providers:", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("• openai (openai) — built-in, API key: available", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("• anthropic (anthropic) — built-in, API key: missing (set ANTHROPIC_API_KEY)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("• mock (mock) — built-in, offline test provider", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Max context: 128000 tokens", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret", r.Stdout + r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MockAgentScript_WorksOfflineWithoutKey()
    {
        using var dir = new TempDirectory();
        var script = Path.Combine(dir.Path, "a.lua");
        File.WriteAllText(script, "local a = Agent.builder():name('m'):model('mock/echo'):build()\nprint(a:execute('offline').text)\n");

        var r = CliProcess.Run(["run", script], new Dictionary<string, string?> { ["OPENAI_API_KEY"] = null });

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("offline", r.Stdout.Trim());
    }
}
