using System.Text.Json.Nodes;
using LlmSpell.Configuration;
using LlmSpell.TestUtilities;

namespace LlmSpell.Tools.Tests.Pipeline;

public sealed class ToolsModuleTests
{
    [Fact]
    public void Describe_ReportsCountAndListWithAll()
    {
        var config = ConfigLoader.FromText("[tools.calculator]\nenabled = false\n", "t.toml", new Dictionary<string, string>()).Config;
        var info = new JsonObject();
        new ToolsModule().Describe(info, config, all: true);
        var names = info["tool_list"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(names.Count, info["tools"]!.GetValue<int>());
        Assert.DoesNotContain("calculator", names);
        Assert.Contains("hash_calculator", names);
        var brief = new JsonObject();
        new ToolsModule().Describe(brief, config, all: false);
        Assert.Null(brief["tool_list"]);
    }

    [Fact]
    public void ScriptHarness_LuaToolInvokedFromWorkerThreads_RunsOnScriptThread()
    {
        var r = ScriptHarness.Run("""
            local calls = 0
            Tool.register("count_me", function(p, ctx) calls = calls + 1; return { success = true, result = { n = p.n, caller = ctx.caller } } end)
            local batch = {}
            for i = 1, 20 do batch[i] = { name = "count-me", params = { n = i } } end
            local results = Tool.batch(batch, { parallel = true, max_concurrency = 8 })
            for i = 1, 20 do assert.equals(results[i].result.result.n, i) end
            assert.equals(calls, 20)
            assert.equals(Tool.get("count_me").category, "custom")
            assert.equals(Tool.get_schema("count_me").name, "count_me")
            """, cancellation: TestContext.Current.CancellationToken);
        Assert.True(r.Success, r.ToString());
    }

    [Fact]
    public void ScriptHarness_DisabledTool_IsAbsentFromListAndRaisesOnInvoke()
    {
        var r = ScriptHarness.Run("""
            assert.falsy(Tool.exists("uuid_generator"))
            assert.is_nil(Tool.uuid_generator)
            assert.raises("Tool 'uuid-generator' is disabled by configuration", Tool.invoke, "uuid-generator", {})
            """, "[tools.uuid_generator]\nenabled = false\n", cancellation: TestContext.Current.CancellationToken);
        Assert.True(r.Success, r.ToString());
    }
}
