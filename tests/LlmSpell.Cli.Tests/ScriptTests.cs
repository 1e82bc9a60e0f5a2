using LlmSpell.TestUtilities;

namespace LlmSpell.Cli.Tests;

/// <summary>
/// Every tests/scripts/*.lua runs in-process with the assertion library injected; a script passes
/// when it finishes without error. A script may name its configuration on its first line:
/// <c>-- config: examples/script-users/configs/state-enabled.toml</c>.
/// </summary>
public sealed class ScriptTests
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(RepoPaths.ScriptTests))
        {
            foreach (var f in Directory.GetFiles(RepoPaths.ScriptTests, "*.lua").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(f));
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
