using LlmSpell.TestUtilities;

namespace LlmSpell.Cli.Tests;

/// <summary>`llmspell run/exec` as a user sees them: exit codes, stdout, stderr (cli-and-config.md §2–§3).</summary>
public sealed class RunCommandTests
{
    [Fact]
    public void Version_PrintsNameAndVersion()
    {
        var r = CliProcess.Run("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("llmspell 0.8.0\n", r.Stdout);
    }

    [Fact]
    public void HelloWorld_PrintsOutputThenCompactResult()
    {
        var r = CliProcess.Run("run", "examples/script-users/getting-started/00-hello-world.lua");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        var lines = r.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("Hello from llmspell!", lines[0]);
        Assert.Equal("Lua version: Lua 5.4", lines[1]);
        Assert.Equal("Globals: ARGS Agent Config Debug JSON Logger Provider State Tool", lines[2]);
        Assert.Equal("{\"message\":\"Hello World completed\",\"success\":true}", lines[^1]);
    }

    [Fact]
    public void MissingScript_IsOneClearLine()
    {
        var r = CliProcess.Run("run", "nope.lua");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Equal("Error: script file not found: nope.lua\n", r.Stderr);
    }

    [Fact]
    public void RuntimeError_NamesFileAndLine_WithoutDotNetDetails()
    {
        using var dir = new TempDirectory();
        dir.Write("boom.lua", "print('start')\nlocal t = nil\nprint(t.x)\n");
        var r = CliProcess.Run(["run", "boom.lua"], workingDirectory: dir.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("start\n", r.Stdout);
        Assert.Equal("Error: boom.lua:3: attempt to index a nil value (local 't')\n", r.Stderr);
    }

    [Fact]
    public void Verbose_AddsIndentedTraceback()
    {
        using var dir = new TempDirectory();
        dir.Write("deep.lua", "local function inner() error('bad thing') end\nlocal function outer() inner() end\nouter()\n");
        var r = CliProcess.Run(["-v", "run", "deep.lua"], workingDirectory: dir.Path);
        Assert.Equal(1, r.ExitCode);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Error: deep.lua:1: bad thing", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("  ", StringComparison.Ordinal) && l.Contains("deep.lua:2", StringComparison.Ordinal));
        Assert.DoesNotContain("Exception", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SyntaxError_RunsNothing()
    {
        var r = CliProcess.Run("exec", "print('x')\nlocal = 1");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.StartsWith("Error: (exec):2:", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorWithTable_IsPrintedAsJson()
    {
        var r = CliProcess.Run("exec", "error({ code = 7 })");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("Error: {\"code\":7}\n", r.Stderr);
    }

    [Fact]
    public void ErrorInsidePcall_IsCaughtAndTheRunSucceeds()
    {
        var r = CliProcess.Run("exec", "local ok, e = pcall(error, 'x') print(ok, e) local ok2, e2 = pcall(JSON.parse, 1) print(ok2, e2)");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("false\tx\nfalse\tJSON.parse: unexpected end of input at line 1 column 2\n".Split('\n')[0], r.Stdout.Split('\n')[0]);
    }

    [Theory]
    [InlineData("os.exit(3)", 3)]
    [InlineData("os.exit(true)", 0)]
    [InlineData("os.exit(false)", 1)]
    [InlineData("os.exit()", 0)]
    public void OsExit_SetsTheExitCode(string code, int expected)
    {
        var r = CliProcess.Run("exec", "print('out') " + code + " print('never')");
        Assert.Equal(expected, r.ExitCode);
        Assert.Equal("out\n", r.Stdout);
    }

    [Fact]
    public void PrintAndIoWrite_ShareOneOrderedStream()
    {
        var r = CliProcess.Run("exec", "io.write('a') print('b') io.write('c\\n') io.stdout:write('d') print('e') io.stderr:write('err\\n')");
        Assert.Equal("ab\nc\nde\n", r.Stdout);
        Assert.Equal("err\n", r.Stderr);
    }

    [Fact]
    public void UnknownOptionAfterScript_IsAUsageError()
    {
        var r = CliProcess.Run("run", "examples/script-users/getting-started/00-hello-world.lua", "--bogus");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("Error: ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommand_IsAUsageError()
    {
        var r = CliProcess.Run("frobnicate");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("Error: ", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ScriptArguments_AfterDoubleDash_ReachArgs()
    {
        var r = CliProcess.Run("exec", "return { ARGS.input, ARGS['dry-run'], ARGS.mode, ARGS[1], ARGS[0] }", "--", "--input", "data.lua", "--dry-run", "--mode=fast", "a");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("[\"data.lua\",\"true\",\"fast\",\"a\",\"(exec)\"]\n", r.Stdout);
    }

    [Fact]
    public void Exec_ReadsCodeFromStdin()
    {
        var r = CliProcess.Run(["exec", "-"], stdin: "print('from stdin')");
        Assert.Equal("from stdin\n", r.Stdout);
    }

    [Fact]
    public void OtherEngines_AreRefused()
    {
        var r = CliProcess.Run("--engine", "javascript", "exec", "print(1)");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("Error: script engine 'javascript' is not available; only 'lua' is supported\n", r.Stderr);
    }

    [Fact]
    public void OutputJson_PrintsPrettyResultOrNull()
    {
        Assert.Equal("{\n  \"a\": 1\n}\n", CliProcess.Run("--output", "json", "exec", "return { a = 1 }").Stdout);
        Assert.Equal("null\n", CliProcess.Run("--output", "json", "exec", "local x = 1").Stdout);
        Assert.Equal("", CliProcess.Run("exec", "local x = 1").Stdout);
        Assert.Equal("plain text\n", CliProcess.Run("exec", "return 'plain text'").Stdout);
    }

    [Fact]
    public void OutputPretty_ShowsConsoleOutputResultEngineAndTime()
    {
        var r = CliProcess.Run("--output", "pretty", "exec", "print('hi') return 5");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("hi\nConsole Output:\n  hi\n\nOutput: 5\nEngine: lua\nExecution time: ", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeLimit_StopsABusyLoop()
    {
        using var dir = new TempDirectory();
        var cfg = dir.Write("t.toml", "[runtime]\nscript_timeout_seconds = 1\n");
        var r = CliProcess.Run("-c", cfg, "exec", "while true do end");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("Error: script timed out after 1 s\n", r.Stderr);
    }

    [Fact]
    public void Sigint_CancelsTheRunWithExitCode130()
    {
        using var p = CliProcess.Start(["exec", "print('started') io.stdout:flush() while true do end"]);
        Assert.Equal("started", p.StandardOutput.ReadLine());
        Syscall.Kill(p.Id, Syscall.Sigint);
        Assert.True(p.WaitForExit(10_000));
        Assert.Equal(130, p.ExitCode);
        Assert.Equal("Error: interrupted", p.StandardError.ReadToEnd().Trim());
    }

    [Fact]
    public void RandomSeed_MakesRandomNumbersReproducible()
    {
        var env = new Dictionary<string, string?> { ["LLMSPELL_RANDOM_SEED"] = "42" };
        var a = CliProcess.Run(["exec", "print(math.random(1, 1000000), math.random())"], env);
        var b = CliProcess.Run(["exec", "print(math.random(1, 1000000), math.random())"], env);
        Assert.Equal(a.Stdout, b.Stdout);
        Assert.NotEqual(a.Stdout, CliProcess.Run("exec", "print(math.random(1, 1000000), math.random())").Stdout);
    }
}
