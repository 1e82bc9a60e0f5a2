using LlmSpell.TestUtilities;

namespace LlmSpell.Scripting.Lua.Tests;

/// <summary>Lua sandbox levels and security levels (runtime.md §10).</summary>
public sealed class SandboxTests
{
    private static string Probe(string toml) =>
        ScriptHarness.Run("print(io ~= nil, os and os.execute ~= nil, debug ~= nil and debug.sethook ~= nil, require ~= nil, load ~= nil, dofile ~= nil, package and package.loadlib ~= nil)", toml).Stdout.TrimEnd();

    [Theory]
    [InlineData("all", "true\ttrue\ttrue\ttrue\ttrue\ttrue\ttrue")]
    [InlineData("standard", "true\ttrue\tfalse\ttrue\ttrue\ttrue\tfalse")]
    [InlineData("basic", "false\tfalse\tfalse\tfalse\ttrue\tfalse\tnil")]
    [InlineData("none", "false\tnil\tfalse\tfalse\tfalse\tfalse\tnil")]
    public void Stdlib_Levels_LoadTheSpecifiedLibraries(string level, string expected) =>
        Assert.Equal(expected, Probe($"[engines.lua]\nstdlib = \"{level}\"\n"));

    [Fact]
    public void Standard_LoadRefusesBinaryChunks()
    {
        var r = ScriptHarness.Run("local f = string.dump(function() return 1 end) print(load(f))", "[engines.lua]\nstdlib = \"standard\"\n");
        Assert.Contains("attempt to load a binary chunk", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Privileged_RemovesProcessFunctions()
    {
        var r = ScriptHarness.Run("print(os.execute, io.popen)", "[engines.lua]\nsecurity_level = \"Privileged\"\n");
        Assert.Equal("nil\tnil\n", r.Stdout);
    }

    [Fact]
    public void ProcessSpawnDisabled_RemovesProcessFunctions()
    {
        var r = ScriptHarness.Run("print(os.execute, io.popen)", "[runtime.security]\nallow_process_spawn = false\n");
        Assert.Equal("nil\tnil\n", r.Stdout);
    }

    [Fact]
    public void Safe_RefusesWritesOutsideTheSandbox_ButAllowsTmp()
    {
        using var dir = new TempDirectory();
        var r = ScriptHarness.Run($$"""
            local f = assert(io.open("{{dir.File("ok.txt")}}", "w")) f:write("x") f:close()
            assert.raises("io.open: security violation: path '/etc/llmspell-test' is outside the allowed paths", io.open, "/etc/llmspell-test", "w")
            assert.raises("os.remove: security violation", os.remove, "/etc/hosts")
            print("done")
            """, "[engines.lua]\nsecurity_level = \"safe\"\n");
        Assert.True(r.Success, r.ToString());
        Assert.Equal("x", File.ReadAllText(dir.File("ok.txt")));
    }

    [Fact]
    public void Safe_AllowsReadingUnderTheWorkingDirectory_AndRefusesElsewhere()
    {
        var probe = Path.Combine(Directory.GetCurrentDirectory(), $"probe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(probe, "x");
        using var cleanup = new Cleanup(() => File.Delete(probe));
        var r = ScriptHarness.Run("""
            local f = io.open(ARGS[1], "r")
            print(f ~= nil)
            if f then f:close() end
            assert.raises("io.open: security violation", io.open, "/etc/hostname", "r")
            print(os.getenv("PATH") ~= nil, os.getenv("OPENAI_API_KEY"))
            """, "[engines.lua]\nsecurity_level = \"safe\"\n", args: [probe]);
        Assert.True(r.Success, r.ToString());
        Assert.Equal("true\ntrue\tnil\n", r.Stdout);
    }

    [Fact]
    public void Unrestricted_AllowsEverything()
    {
        var r = ScriptHarness.Run("local f = io.open('/etc/hostname', 'r') print(f ~= nil) if f then f:close() end");
        Assert.Equal("true\n", r.Stdout);
    }

    private sealed class Cleanup(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
