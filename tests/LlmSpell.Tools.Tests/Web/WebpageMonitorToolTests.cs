using System.Text.Json.Nodes;
using static LlmSpell.Tools.Tests.Web.WebToolHarness;

namespace LlmSpell.Tools.Tests.Web;

public sealed class WebpageMonitorToolTests
{
    [Fact]
    public async Task Monitor_FirstCall_CapturesContentWithoutChanges()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("webpage_monitor", new JsonObject { ["input"] = site.Url("/monitor") });

        Assert.Equal("alpha\nbeta\nfooter", (string)env["result"]!["current_content"]!);
        Assert.False((bool)env["result"]!["has_changes"]!);
    }

    [Fact]
    public async Task Monitor_ChangedPage_ReportsAdditionsDeletionsAndModifications()
    {
        await using var site = await TestSite.StartAsync();
        var before = await Run("webpage_monitor", new JsonObject { ["input"] = site.Url("/monitor") });
        site.MonitorBody = "<html><body><p>alpha</p><p>gamma</p><p>footer</p><p>new line</p></body></html>";

        var env = await Run("webpage_monitor", new JsonObject { ["input"] = site.Url("/monitor"), ["previous_content"] = before["result"]!["current_content"]!.DeepClone() });

        var result = env["result"]!;
        Assert.True((bool)result["has_changes"]!);
        var changes = result["changes"]!.AsArray().Select(c => (string)c!["type"]!).ToList();
        Assert.Contains("modification", changes);
        Assert.Contains("addition", changes);
        Assert.Equal(changes.Count, (int)result["change_count"]!);
        var modification = result["changes"]!.AsArray().First(c => (string)c!["type"]! == "modification")!;
        Assert.Equal("beta", (string)modification["old_line"]!);
        Assert.Equal("gamma", (string)modification["new_line"]!);
    }

    [Fact]
    public async Task Monitor_SelectorAndWhitespace_LimitTheComparison()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("webpage_monitor", new JsonObject { ["input"] = site.Url("/monitor"), ["selector"] = "#news", ["previous_content"] = "alpha\n  beta  " });

        Assert.False((bool)env["result"]!["has_changes"]!);
        Assert.Equal("#news", (string)env["result"]!["selector_used"]!);
        Assert.Equal("alpha\nbeta", (string)env["result"]!["current_content"]!);
    }

    [Fact]
    public async Task Monitor_InlineMarkup_StaysOnItsBlockLine()
    {
        await using var site = await TestSite.StartAsync();
        site.MonitorBody = "<html><body><p>Price: <b>42</b> EUR</p><ul><li>a <i>b</i></li><li>c</li></ul><script>x()</script></body></html>";

        var env = await Run("webpage_monitor", new JsonObject { ["input"] = site.Url("/monitor") });

        Assert.Equal("Price: 42 EUR\na b\nc", (string)env["result"]!["current_content"]!);
    }

    [Fact]
    public async Task Monitor_BadInput_Raises()
    {
        await using var site = await TestSite.StartAsync();

        Assert.Equal("not_found", (await Raises("webpage_monitor", new JsonObject { ["input"] = site.Url("/monitor"), ["selector"] = "#absent" })).Code);
        Assert.Equal("http_error", (await Raises("webpage_monitor", new JsonObject { ["input"] = site.Url("/status/500") })).Code);
        Assert.Equal("network_error", (await Raises("webpage_monitor", new JsonObject { ["input"] = $"http://127.0.0.1:{ClosedPort()}/" })).Code);
        Assert.Equal("missing required parameter 'input'", (await Raises("webpage_monitor", [])).Message);
    }
}
