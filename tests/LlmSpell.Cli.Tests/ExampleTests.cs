using LlmSpell.TestUtilities;

namespace LlmSpell.Cli.Tests;

/// <summary>
/// Every example under examples/ runs as a test through the real CLI from the repository root, so
/// the examples never rot. An example names its configuration and expected output markers in its
/// header: <c>-- config: ...</c>, <c>-- expect: text</c> (each must appear in stdout), and
/// <c>-- requires: providers</c> for examples that need real API keys (run only when they are set).
/// </summary>
public sealed class ExampleTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.Examples, "script-users"), "*.lua", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_RunsAndPrintsItsMarkers(string relativePath)
    {
        var header = File.ReadLines(Path.Combine(RepoPaths.Root, relativePath)).TakeWhile(l => l.StartsWith("--", StringComparison.Ordinal)).ToList();
        string? Field(string name) => header.Select(l => l[2..].Trim()).FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal))?[(name.Length + 1)..].Trim();
        if (Field("requires") == "providers" && Environment.GetEnvironmentVariable("OPENAI_API_KEY") is null)
        {
            Assert.Skip($"{relativePath} needs a real provider key (OPENAI_API_KEY)");
        }

        var args = new List<string>();
        if (Field("config") is { } cfg)
        {
            args.AddRange(["-c", cfg]);
        }

        args.AddRange(["run", relativePath]);
        var r = CliProcess.Run(args);
        Assert.True(r.ExitCode == 0, r.ToString());
        foreach (var expect in header.Select(l => l[2..].Trim()).Where(l => l.StartsWith("expect:", StringComparison.Ordinal)).Select(l => l[7..].Trim()))
        {
            Assert.Contains(expect, r.Stdout, StringComparison.Ordinal);
        }
    }
}
