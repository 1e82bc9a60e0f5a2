using LlmSpell.TestUtilities;

namespace LlmSpell.Scripting.Lua.Tests;

/// <summary>The Lua runtime as scripts see it (runtime.md §1–§5, §9, §10).</summary>
public sealed class EngineBehaviourTests
{
    private static HarnessResult Run(string code, string toml = "", IReadOnlyList<string>? args = null) => ScriptHarness.Run(code, toml, args);

    [Fact]
    public void Print_FollowsSpecConversions()
    {
        var r = Run("print(8.0, -0.0, 0.1, 1e20, 42, nil, true, 1/0) print() print(setmetatable({}, { __tostring = function() return 'T' end }))");
        Assert.Equal("8\t0\t0.1\t1e+20\t42\tnil\ttrue\tinf\n\nT\n", r.Stdout);
    }

    [Fact]
    public void Tostring_AndConcat_KeepStockFloatFormatting()
    {
        var r = Run("print(tostring(8.0), '= ' .. 8.0, string.format('%d', 8.0), string.format('%.1f', 4), math.type(1), math.type(1.0), _VERSION, 7 // 2, 3 & 5)");
        Assert.Equal("8.0\t= 8.0\t8\t4.0\tinteger\tfloat\tLua 5.4\t3\t1\n", r.Stdout);
    }

    [Fact]
    public void LuaPatterns_AreNativeNotRegex()
    {
        var r = Run("""
            print(("valid@example.com"):match("^[%w.]+@[%w.]+%.%a%a+$") ~= nil)
            print(("a{2,}"):find("{2,}", 1, true))
            print(("THE (quick) fox"):find("%f[%a]%a+"), ("x(a(b)c)y"):match("%b()"))
            print(("\0ab"):find("%z"))
            """);
        Assert.Equal("true\n2\t5\n1\t(a(b)c)\n1\t1\n", r.Stdout);
    }

    [Fact]
    public void Tostring_ErrorFromMetamethod_IsRaised()
    {
        // Stock Lua accepts numbers from __tostring; a table is refused.
        var r = Run("print(setmetatable({}, { __tostring = function() return {} end }))");
        Assert.False(r.Success);
        Assert.Contains("'__tostring' must return a string", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiError_CarriesScriptLocation_AndIsCatchableAsString()
    {
        // Not a tail call: with "return JSON.parse(...)" the caller's frame is gone, as in stock Lua.
        var r = Run("local ok, e = pcall(function()\n  local v = JSON.parse('{')\n  return v\nend)\nprint(ok, type(e))\nprint(e)", toml: "");
        Assert.Equal("false\tstring\n", r.Stdout[..(r.Stdout.IndexOf('\n') + 1)]);
        Assert.StartsWith("(test):2: JSON.parse: ", r.Stdout.Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public void BadArgument_NamesApiArgumentAndTypes()
    {
        var r = Run("JSON.parse({})");
        Assert.Equal("(test):1: JSON.parse: bad argument #1 'text': expected string, got table", r.Error);
    }

    [Fact]
    public void ErrorWithTable_IsReportedAsCompactJson()
    {
        var r = Run("error({ code = 42, reason = 'x' })");
        Assert.Equal("{\"code\":42,\"reason\":\"x\"}", r.Error);
    }

    [Fact]
    public void SyntaxError_IsReportedBeforeAnythingRuns()
    {
        var r = Run("print('should not run')\nlocal = 1");
        Assert.Equal("", r.Stdout);
        Assert.StartsWith("(test):2:", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Args_ParseNamedFlagsAndPositionals()
    {
        var r = Run("print(ARGS[0], ARGS.input, ARGS['dry-run'], ARGS.mode, ARGS[1], ARGS[2], arg[1], arg.input)", args: ["--input", "data.lua", "--dry-run", "--mode=fast", "a", "b"]);
        Assert.Equal("(test)\tdata.lua\ttrue\tfast\ta\tb\ta\tnil\n", r.Stdout);
    }

    [Fact]
    public void Globals_AreTablesAndOptionalOnesAreAbsent()
    {
        var r = Run("print(type(JSON), type(Debug), type(Config), type(Logger), type(ARGS), RAG == nil, Session == nil)");
        Assert.Equal("table\ttable\ttable\ttable\ttable\ttrue\ttrue\n", r.Stdout);
    }

    [Fact]
    public void ObjectFields_UnknownKeysAreNil()
    {
        var r = Run("local t = Debug.timer('x') print(t.success, t.get_id, type(t.id), tostring(t))");
        Assert.Equal("nil\tnil\tstring\tDebugTimer(x)\n", r.Stdout);
    }

    [Fact]
    public void Coroutines_CanCallTheApi()
    {
        var r = Run("local co = coroutine.wrap(function() coroutine.yield(JSON.stringify({1})) return JSON.parse('[2]')[1] end) print(co(), co())");
        Assert.Equal("[1]\t2\n", r.Stdout);
    }

    [Fact]
    public void Require_FindsModulesNextToTheScript()
    {
        using var dir = new TempDirectory();
        dir.Write("helper.lua", "return { answer = 41 + 1 }");
        var main = dir.Write("main.lua", "print(require('helper').answer)");
        var r = ScriptHarness.RunFile(main);
        Assert.True(r.Success, r.ToString());
        Assert.Equal("42\n", r.Stdout);
    }

    [Fact]
    public void MemoryLimit_RaisesCatchableNotEnoughMemory()
    {
        var r = Run("local ok, e = pcall(function() local t = {} for i = 1, 1e7 do t[i] = string.rep('x', 100) .. i end end) print(ok, e) collectgarbage() print('alive')",
            "[engines.lua]\nmax_memory_bytes = 20000000\n");
        Assert.True(r.Success, r.ToString());
        Assert.Equal("false\tnot enough memory\nalive\n", r.Stdout);
    }

    [Fact]
    public void BusyLoop_IsInterruptedByCancellation()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var r = ScriptHarness.Run("while true do end", cancellation: cts.Token);
        Assert.False(r.Success);
        Assert.True(r.Run.Interrupted);
        Assert.Equal("test timed out", r.Error);
    }

    [Fact]
    public void BusyLoopInsideCoroutineAndPcall_IsStillInterrupted()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var r = ScriptHarness.Run("while true do pcall(function() local co = coroutine.create(function() while true do end end) coroutine.resume(co) end) end", cancellation: cts.Token);
        Assert.False(r.Success);
        Assert.True(r.Run.Interrupted);
    }

    [Fact]
    public void OsExit_EndsTheRunWithItsCode()
    {
        var r = Run("print('before') os.exit(3) print('after')");
        Assert.Equal(3, r.Run.ExitCode);
        Assert.Equal("before\n", r.Stdout);
        Assert.Equal(1, Run("os.exit(false)").Run.ExitCode);
        Assert.Equal(0, Run("os.exit(true)").Run.ExitCode);
    }

    [Fact]
    public void ScriptResult_IsConvertedWithFunctionsAsText()
    {
        var r = Run("return { ok = true, f = print, n = 1.5 }");
        Assert.Equal("{\"f\":\"<function>\",\"n\":1.5,\"ok\":true}", Values.JsonText.Compact(r.Run.Result));
    }
}
