using LlmSpell.TestUtilities;

namespace LlmSpell.Tools.Tests;

/// <summary>Runs tests/scripts/tools_core_*.lua through the in-process runtime.</summary>
public sealed class ScriptTests
{
    public static TheoryData<string> Scripts() =>
        [.. Directory.GetFiles(RepoPaths.ScriptTests, "tools_core_*.lua").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_Runs_WithoutError(string file)
    {
        var result = ScriptHarness.RunFile(Path.Combine(RepoPaths.ScriptTests, file));
        Assert.True(result.Success, result.ToString());
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_Runs_WithoutErrorInTheNativeBuild(string file)
    {
        var result = CliScriptRunner.RunFile(Path.Combine(RepoPaths.ScriptTests, file));
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
