using LlmSpell.TestUtilities;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Sys;
using LlmSpell.Values;

namespace LlmSpell.Tools.Tests.Sys;

public sealed class SystemMonitorToolTests
{
    [Fact]
    public void All_ReportsRealValues()
    {
        var s = ToolTestServices.Create();
        var env = SysTool.Run(new SystemMonitorTool(s), s, "{}");
        Assert.Equal(Environment.ProcessorCount, (int)JsonValues.AsInteger(SysTool.Result(env, "cpu_count"))!);
        Assert.Equal(Environment.MachineName, JsonValues.AsString(SysTool.Result(env, "hostname")));
        Assert.Equal(Environment.ProcessId, (int)JsonValues.AsInteger(SysTool.Result(env, "process.pid"))!);
        if (File.Exists("/proc/meminfo"))
        {
            var total = JsonValues.AsInteger(SysTool.Result(env, "total_memory_bytes"))!.Value;
            Assert.True(total > 0);
            Assert.True(JsonValues.AsInteger(SysTool.Result(env, "used_memory_bytes")) <= total);
            var usage = JsonValues.AsDouble(SysTool.Result(env, "cpu_usage_percent"))!.Value;
            Assert.InRange(usage, 0, 100);
        }

        Assert.NotNull(SysTool.Result(env, "disks"));
    }

    [Fact]
    public void Disk_ListsMountsWithConsistentSizes()
    {
        var s = ToolTestServices.Create();
        var env = SysTool.Run(new SystemMonitorTool(s), s, """{"operation":"disk"}""");
        foreach (var disk in (System.Text.Json.Nodes.JsonArray)SysTool.Result(env, "disks")!)
        {
            Assert.True(JsonValues.AsInteger(disk!["available_bytes"]) <= JsonValues.AsInteger(disk["total_bytes"]));
        }

        Assert.Null(SysTool.Result(env, "cpu_count"));
    }

    [Fact]
    public void UnknownOperation_Raises()
    {
        var s = ToolTestServices.Create();
        Assert.Equal(ToolFailureKind.InvalidParameters, SysTool.Fails(new SystemMonitorTool(s), s, """{"operation":"gpu"}""").Kind);
    }
}
