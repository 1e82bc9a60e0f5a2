using LlmSpell.Security;
using LlmSpell.TestUtilities;

namespace LlmSpell.Core.Tests.Security;

public sealed class FileSandboxTests
{
    [Fact]
    public void Check_PathInsideRoot_IsAdmitted()
    {
        using var dir = new TempDirectory();
        var sandbox = new FileSandbox([dir.Path], "/");
        Assert.Null(sandbox.Check(Path.Combine(dir.Path, "a", "b.txt"), out var canonical));
        Assert.Equal(Path.Combine(dir.Path, "a", "b.txt"), canonical);
        Assert.Null(sandbox.Check(dir.Path, out _));
    }

    [Fact]
    public void Check_SiblingWithSamePrefix_IsRefused()
    {
        using var dir = new TempDirectory();
        var sandbox = new FileSandbox([dir.Path], "/");
        var reason = sandbox.Check(dir.Path + "foo/x.txt", out _);
        Assert.NotNull(reason);
        Assert.Contains("is outside the allowed paths", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DotDotLeavingRoot_IsResolvedAndRefused()
    {
        var sandbox = new FileSandbox(["/tmp"], "/");
        var reason = sandbox.Check("/tmp/../etc/passwd", out var canonical);
        Assert.Equal("/etc/passwd", canonical);
        Assert.Equal("path '/tmp/../etc/passwd' resolves to '/etc/passwd', which is outside the allowed paths [/tmp]", reason);
    }

    [Fact]
    public void Check_DotDotAboveFilesystemRoot_IsItsOwnViolation()
    {
        var sandbox = new FileSandbox(["/tmp"], "/");
        Assert.Equal("path '/tmp/../../../etc/passwd' escapes the filesystem root", sandbox.Check("/tmp/../../../etc/passwd", out _));
    }

    [Fact]
    public void Check_SymlinkPointingOutside_IsRefused()
    {
        using var dir = new TempDirectory();
        var link = Path.Combine(dir.Path, "etc-link");
        File.CreateSymbolicLink(link, "/etc");
        var sandbox = new FileSandbox([dir.Path], "/");
        var reason = sandbox.Check(Path.Combine(link, "passwd"), out var canonical);
        Assert.Equal("/etc/passwd", canonical);
        Assert.Contains("resolves to '/etc/passwd'", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RelativePath_IsJoinedToWorkingDirectory()
    {
        using var dir = new TempDirectory();
        var sandbox = new FileSandbox([dir.Path], dir.Path);
        Assert.Null(sandbox.Check("notes/x.md", out var canonical));
        Assert.Equal(Path.Combine(dir.Path, "notes", "x.md"), canonical);
    }

    [Fact]
    public void Check_Star_AllowsEverything()
    {
        var sandbox = new FileSandbox(["*"], "/");
        Assert.Null(sandbox.Check("/etc/hosts", out _));
    }

    [Theory]
    [InlineData("agent.*", "agent.tool.called", true)]
    [InlineData("agent.*", "agent", false)]
    [InlineData("*.error", "a.b.error", true)]
    [InlineData("workflow.*.completed", "workflow.completed", false)]
    [InlineData("user.lo?in", "user.login", true)]
    public void Glob_MatchesEventPatterns(string pattern, string text, bool expected) =>
        Assert.Equal(expected, Glob.Matches(pattern, text));

    [Fact]
    public void EnvironmentPolicy_BlocksSecretsAndHidesUnknownNames()
    {
        var policy = new EnvironmentPolicy();
        Assert.True(policy.IsVisible("PATH"));
        Assert.True(policy.IsVisible("LC_ALL"));
        Assert.False(policy.IsVisible("OPENAI_API_KEY"));
        Assert.False(policy.IsVisible("LLMSPELL_SECRET_TOKEN"));
        Assert.False(policy.IsVisible("RANDOM_THING"));
    }
}
