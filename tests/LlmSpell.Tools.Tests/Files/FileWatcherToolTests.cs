using System.Text.Json.Nodes;
using LlmSpell.TestUtilities;
using LlmSpell.Tools.Files;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Tests.Files;

public sealed class FileWatcherToolTests : IDisposable
{
    private readonly TempDirectory _dir = new("watch");
    private readonly ToolServices _services = ToolTestServices.Create();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Watch_CreateEvent_StopsAtMaxEvents()
    {
        var tool = new FileWatcherTool(_services);
        var watch = FileToolHarness.Run(tool, _services, new() { ["operation"] = "watch", ["input"] = new JsonArray(_dir.Path), ["event_types"] = new JsonArray("create"), ["max_events"] = 1, ["timeout_ms"] = 10_000 });
        await Task.Delay(200, TestContext.Current.CancellationToken);
        _dir.Write("new.txt", "x");
        var r = FileToolHarness.Result(await watch);
        Assert.False(r["timed_out"]!.GetValue<bool>());
        Assert.Equal(1, r["event_count"]!.GetValue<int>());
        Assert.Equal("create", r["events"]![0]!["event_type"]!.GetValue<string>());
        Assert.Equal(_dir.File("new.txt"), r["events"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_NothingHappens_TimesOut()
    {
        var r = FileToolHarness.Result(await FileToolHarness.Run(new FileWatcherTool(_services), _services, new() { ["operation"] = "watch", ["paths"] = new JsonArray(_dir.Path), ["timeout_ms"] = 150 }));
        Assert.True(r["timed_out"]!.GetValue<bool>());
        Assert.Equal(0, r["event_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Config_ReportsLimits()
    {
        var r = FileToolHarness.Result(await FileToolHarness.Run(new FileWatcherTool(_services), _services, new() { ["operation"] = "config" }));
        Assert.Equal(100, r["max_paths"]!.GetValue<int>());
        Assert.Equal(30_000, r["default_timeout_ms"]!.GetValue<int>());
    }

    [Fact]
    public async Task BadInput_Raises()
    {
        var tool = new FileWatcherTool(_services);
        Assert.Equal(ToolFailureKind.SecurityViolation, (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "watch", ["input"] = new JsonArray("/etc"), ["timeout_ms"] = 10 })).Kind);
        Assert.Equal("missing required parameter 'input'", (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "watch" })).Message);
        Assert.Equal(ToolFailureKind.InvalidParameters, (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "watch", ["input"] = new JsonArray(_dir.Path), ["event_types"] = new JsonArray("explode") })).Kind);
        Assert.Equal(ToolFailureKind.InvalidParameters, (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "observe" })).Kind);
        Assert.Equal("path not found: " + _dir.File("gone"), (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "watch", ["input"] = new JsonArray(_dir.File("gone")) })).Message);
    }
}
