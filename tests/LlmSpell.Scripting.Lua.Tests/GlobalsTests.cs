using LlmSpell.TestUtilities;

namespace LlmSpell.Scripting.Lua.Tests;

/// <summary>JSON, Debug, Logger and Config globals (globals.md §11, §12, §14, §16).</summary>
public sealed class GlobalsTests
{
    [Fact]
    public void Debug_InfoPrintsTimestampLevelAndModule_DebugIsHiddenByDefault()
    {
        var r = ScriptHarness.Run("Debug.info('ready', 'webapp.state') Debug.debug('hidden') Debug.warn('careful')");
        var lines = r.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} INFO  \[webapp\.state\] ready$", lines[0]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} WARN  careful$", lines[1]);
    }

    [Fact]
    public void Debug_LevelsFiltersAndCapture()
    {
        var r = ScriptHarness.Run("""
            assert.equals(Debug.getLevel(), "info")
            assert.truthy(Debug.setLevel("debug"))
            assert.falsy(Debug.setLevel("loud"))
            Debug.addModuleFilter("noisy", false)
            Debug.debug("shown", "app")
            Debug.info("dropped", "noisy.sub")
            local entries = Debug.getCapturedEntries()
            assert.equals(#entries, 1)
            assert.equals(entries[1].message, "shown")
            assert.equals(Debug.getFilterSummary().total_rules, 1)
            Debug.logWithData("info", "with data", { a = 1 })
            local t = Debug.timer("work")
            t:lap("half")
            local ms = t:stop()
            assert.equals(math.type(ms), "integer")
            assert.is_nil(t:stop())
            assert.contains(Debug.performanceReport(), "work")
            assert.contains(Debug.dump({ a = { 1, 2 } }), "a = {")
            assert.truthy(Debug.memoryStats().lua_bytes > 0)
            assert.contains(Debug.stackTrace(), "(test):")
            """);
        Assert.True(r.Success, r.ToString());
        Assert.Contains("with data {\"a\":1}", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Logger_WritesToStderrNotStdout()
    {
        var r = ScriptHarness.Run("Logger.info('hello', { n = 1 }) Logger.debug('hidden') local c = Logger.child('db') c.warn('slow') c:error('down')");
        Assert.Equal("", r.Stdout);
        var lines = r.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO \[script\] hello \{""n"":1\}$", lines[0]);
        Assert.EndsWith("WARN [db] slow", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("ERROR [db] down", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Config_ReadsRedactedValues_AndGuardsChanges()
    {
        var r = ScriptHarness.Run("""
            assert.equals(Config.get("rag.vector_storage.dimensions"), 384)
            assert.equals(Config.getSection("providers").openai.has_api_key, true)
            assert.is_nil(Config.get("providers.openai.api_key"))
            assert.equals(Config.version(), "0.8.0")
            assert.equals(Config.getDefaultEngine(), "lua")
            assert.equals(Config.listProviders()[1], "openai")
            assert.truthy(Config.isFileAccessAllowed("/tmp/x"))
            assert.falsy(Config.is_file_access_allowed("/etc/passwd"))
            assert.falsy(Config.getPermissions().modify_security)
            assert.raises("Config.addAllowedPath: permission 'modify_security' not granted (add it to runtime.security.script_permissions)", Config.addAllowedPath, "/srv")
            assert.raises("permission 'modify_runtime' not granted", Config.set, "runtime.max_concurrency", 2)
            local id = Config.snapshot()
            assert.truthy(Config.restoreSnapshot(id))
            assert.contains(Config.toJson(), "\"dimensions\": 384")
            """, "[providers.openai]\napi_key = \"sk-secret\"\n");
        Assert.True(r.Success, r.ToString());
    }

    [Fact]
    public void Config_WithPermission_ChangesApplyForTheRun()
    {
        var r = ScriptHarness.Run("""
            Config.addAllowedPath("/srv/data")
            assert.truthy(Config.isFileAccessAllowed("/srv/data/x.txt"))
            Config.set("runtime.max_concurrency", 2)
            assert.equals(Config.get("runtime.max_concurrency"), 2)
            assert.raises("only runtime.* and tools.* keys", Config.set, "rag.enabled", true)
            """, "[runtime.security]\nscript_permissions = [\"modify_security\", \"modify_runtime\"]\n");
        Assert.True(r.Success, r.ToString());
    }
}
