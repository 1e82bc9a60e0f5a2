using LlmSpell.TestUtilities;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Sys;
using LlmSpell.Values;

namespace LlmSpell.Tools.Tests.Sys;

public sealed class ProcessExecutorToolTests
{
    private static ProcessExecutorTool Tool(string toml, out ToolServices services)
    {
        services = ToolTestServices.Create(toml);
        return new ProcessExecutorTool(services, new ProcessPolicy(services.Config));
    }

    [Fact]
    public void Execute_Echo_CapturesStdoutAndSucceeds()
    {
        var tool = Tool("", out var s);
        var env = SysTool.Run(tool, s, """{"executable":"echo","arguments":["hello","$HOME;|"]}""");
        Assert.Equal(true, JsonValues.AsBool(env["success"]));
        Assert.Equal("hello $HOME;|\n", JsonValues.AsString(SysTool.Result(env, "stdout")));
        Assert.Equal(0L, JsonValues.AsInteger(SysTool.Result(env, "exit_code")));
        Assert.Equal(true, JsonValues.AsBool(SysTool.Result(env, "success")));
        Assert.StartsWith("Process 'echo' executed successfully in ", JsonValues.AsString(env["message"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rm")]
    [InlineData("curl")]
    [InlineData("sh")]
    [InlineData("/bin/sh")]
    [InlineData("python3")]
    public void Execute_BlockedCommand_RaisesSecurityViolation(string exe)
    {
        var tool = Tool("", out var s);
        var message = SysTool.Raises(tool, s, $$"""{"executable":{{SysTool.Json(exe)}},"arguments":["-rf","/tmp/x"]}""");
        Assert.Equal($"Tool 'process_executor' failed: security violation: execution of '{exe}' is not permitted", message);
    }

    [Theory]
    [InlineData("echo; rm -rf /")]
    [InlineData("echo | cat")]
    [InlineData("echo && ls")]
    [InlineData("`id`")]
    [InlineData("$(id)")]
    [InlineData("echo > /tmp/x")]
    [InlineData("../../bin/echo")]
    [InlineData("echo\nls")]
    public void Execute_InjectionString_Refused(string exe)
    {
        var tool = Tool("", out var s);
        var failure = SysTool.Fails(tool, s, $$"""{"executable":{{SysTool.Json(exe)}}}""");
        Assert.Equal(ToolFailureKind.SecurityViolation, failure.Kind);
        Assert.Equal($"execution of '{exe.Trim()}' is not permitted", failure.Message);
    }

    [Fact]
    public void Execute_CommandNotInAllowList_Refused()
    {
        var tool = Tool("", out var s);
        Assert.Equal(ToolFailureKind.SecurityViolation, SysTool.Fails(tool, s, """{"executable":"true"}""").Kind);
    }

    [Fact]
    public void Execute_WildcardAllowList_AllowsUnblockedButNotBlocked()
    {
        var tool = Tool("[tools.system]\nallowed_commands = [\"*\"]", out var s);
        var env = SysTool.Run(tool, s, """{"executable":"false"}""");
        Assert.Equal(true, JsonValues.AsBool(env["success"]));
        Assert.Equal(false, JsonValues.AsBool(SysTool.Result(env, "success")));
        Assert.Equal(1L, JsonValues.AsInteger(SysTool.Result(env, "exit_code")));
        Assert.Equal("Process 'false' failed with exit code 1", JsonValues.AsString(env["message"]));
        Assert.Equal(ToolFailureKind.SecurityViolation, SysTool.Fails(tool, s, """{"executable":"bash"}""").Kind);
    }

    [Fact]
    public void Execute_NonZeroExit_IsNegativeResult()
    {
        var tool = Tool("", out var s);
        var env = SysTool.Run(tool, s, """{"executable":"ls","arguments":["/definitely/not/here"]}""");
        Assert.Equal(false, JsonValues.AsBool(SysTool.Result(env, "success")));
        Assert.NotEqual(0L, JsonValues.AsInteger(SysTool.Result(env, "exit_code")));
        Assert.Contains("not/here", JsonValues.AsString(SysTool.Result(env, "stderr")), StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_Timeout_KillsProcessTreeAndReportsTimedOut()
    {
        var tool = Tool("[tools.system]\nallowed_commands = [\"sleep\"]", out var s);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var env = SysTool.Run(tool, s, """{"executable":"sleep","arguments":["30"],"timeout_ms":300}""");
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
        Assert.Equal(true, JsonValues.AsBool(SysTool.Result(env, "timed_out")));
        Assert.Equal(false, JsonValues.AsBool(SysTool.Result(env, "success")));
        Assert.Equal("Process 'sleep' timed out after 300ms", JsonValues.AsString(env["message"]));
    }

    [Fact]
    public void Execute_Stdin_IsPassedToProgram()
    {
        var tool = Tool("", out var s);
        var env = SysTool.Run(tool, s, """{"executable":"wc","arguments":["-l"],"stdin":"a\nb\nc\n"}""");
        Assert.Equal("3", JsonValues.AsString(SysTool.Result(env, "stdout"))!.Trim());
    }

    [Fact]
    public void Execute_OutputOverLimit_IsTruncated()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("big.txt", new string('x', 5000));
        var tool = Tool("[tools.system]\nmax_output_size = 1000", out var s);
        var env = SysTool.Run(tool, s, $$"""{"executable":"cat","arguments":[{{SysTool.Json(file)}}]}""");
        Assert.Equal(1000, JsonValues.AsString(SysTool.Result(env, "stdout"))!.Length);
        Assert.Equal(true, JsonValues.AsBool(SysTool.Result(env, "truncated")));
    }

    [Fact]
    public void Execute_Environment_OnlyAllowedNamesReachChild()
    {
        var tool = Tool("[tools.system]\nallowed_commands = [\"env\"]", out var s);
        var env = SysTool.Run(tool, s, """{"executable":"env","environment":{"TZ":"UTC","EVIL":"1"}}""");
        var stdout = JsonValues.AsString(SysTool.Result(env, "stdout"))!;
        Assert.Contains("TZ=UTC", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("EVIL", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("DOTNET_", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_WorkingDirectoryOutsideSandbox_Raises()
    {
        var tool = Tool("", out var s);
        var failure = SysTool.Fails(tool, s, """{"executable":"pwd","working_directory":"/etc"}""");
        Assert.Equal(ToolFailureKind.SecurityViolation, failure.Kind);
        Assert.Contains("outside the allowed paths", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_WorkingDirectoryInsideSandbox_IsUsed()
    {
        using var dir = new TempDirectory();
        var tool = Tool("", out var s);
        var env = SysTool.Run(tool, s, $$"""{"executable":"pwd","working_directory":{{SysTool.Json(dir.Path)}}}""");
        Assert.Equal(dir.Path, JsonValues.AsString(SysTool.Result(env, "stdout"))!.Trim());
    }

    [Fact]
    public void Execute_ProcessSpawnDisabled_DeniesEverything()
    {
        var tool = Tool("[runtime.security]\nallow_process_spawn = false", out var s);
        Assert.Equal("execution of 'echo' is not permitted", SysTool.Fails(tool, s, """{"executable":"echo"}""").Message);
        var tool2 = Tool("[tools.system]\nallow_process_execution = false", out var s2);
        Assert.Equal(ToolFailureKind.SecurityViolation, SysTool.Fails(tool2, s2, """{"executable":"echo"}""").Kind);
    }

    [Fact]
    public void Execute_MissingExecutable_RaisesNotFound()
    {
        var tool = Tool("[tools.system]\nallowed_commands = [\"*\"]", out var s);
        var failure = SysTool.Fails(tool, s, """{"executable":"no-such-program-xyz"}""");
        Assert.Equal(ToolFailureKind.Failed, failure.Kind);
        Assert.Contains("not found", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_BadParameters_RaiseInvalidParameters()
    {
        var tool = Tool("", out var s);
        Assert.Equal("Tool 'process_executor' invalid parameters: missing required parameter 'executable'", SysTool.Raises(tool, s, "{}"));
        Assert.Equal(ToolFailureKind.InvalidParameters, SysTool.Fails(tool, s, """{"executable":"echo","arguments":"hello"}""").Kind);
        Assert.Equal(ToolFailureKind.InvalidParameters, SysTool.Fails(tool, s, """{"executable":"echo","timeout_ms":"soon"}""").Kind);
    }
}
