using LlmSpell.TestUtilities;

namespace LlmSpell.Cli.Tests;

/// <summary>
/// Runs tests/scripts/*.lua in-process with the assertion library injected; a script passes when it
/// finishes without error. A script may name its configuration on its first line:
/// <c>-- config: examples/script-users/configs/state-enabled.toml</c>.
/// Scripts that need fixtures (fake LLM servers, loopback sites, every storage backend) are run by
/// the feature's own runner instead; see tests/scripts/README.md.
/// </summary>
public sealed class ScriptTests
{
    private static readonly string[] DedicatedPrefixes = ["agents_", "tools_core_", "tools_web_", "tools_system_", "state_", "sessions_"];

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(RepoPaths.ScriptTests))
        {
            foreach (var f in Directory.GetFiles(RepoPaths.ScriptTests, "*.lua").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(f);
                if (!DedicatedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
                {
                    data.Add(name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_RunsWithoutError(string name)
    {
        var path = Path.Combine(RepoPaths.ScriptTests, name);
        var toml = ConfigFor(path);
        var r = ScriptHarness.RunFile(path, toml);
        Assert.True(r.Success, r.ToString());
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_RunsWithoutErrorInTheNativeBuild(string name)
    {
        var path = Path.Combine(RepoPaths.ScriptTests, name);
        var r = CliScriptRunner.RunFile(path, ConfigFor(path));
        Assert.True(r.ExitCode == 0, r.ToString());
    }

    private static string ConfigFor(string path)
    {
        var first = File.ReadLines(path).FirstOrDefault() ?? "";
        const string marker = "-- config:";
        if (!first.StartsWith(marker, StringComparison.Ordinal))
        {
            return "";
        }

        var rel = first[marker.Length..].Trim();
        return File.ReadAllText(Path.Combine(RepoPaths.Root, rel));
    }
}
