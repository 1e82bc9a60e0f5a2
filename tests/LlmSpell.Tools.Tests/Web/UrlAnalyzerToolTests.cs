using System.Text.Json.Nodes;
using LlmSpell.Tools.Infrastructure;
using static LlmSpell.Tools.Tests.Web.WebToolHarness;

namespace LlmSpell.Tools.Tests.Web;

public sealed class UrlAnalyzerToolTests
{
    [Fact]
    public async Task Analyzer_ParsesAndNormalises_WithoutNetwork()
    {
        var env = await Run("url_analyzer", new JsonObject { ["input"] = "HTTPS://user:pw@Example.COM:443/a/b?x=1&y=2&x=3#frag" }, toml: "");

        var r = env["result"]!;
        Assert.Equal("analyze", (string)env["operation"]!);
        Assert.True((bool)r["valid"]!);
        Assert.Equal("https://user:pw@example.com/a/b?x=1&y=2&x=3#frag", (string)r["normalized"]!);
        Assert.Equal("https", (string)r["scheme"]!);
        Assert.Equal("example.com", (string)r["host"]!);
        Assert.Equal(443, (int)r["port"]!);
        Assert.Equal("/a/b", (string)r["path"]!);
        Assert.Equal("x=1&y=2&x=3", (string)r["query"]!);
        Assert.Equal("frag", (string)r["fragment"]!);
        Assert.Equal(["1", "3"], r["query_params"]!["x"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("2", (string)r["query_params"]!["y"]!);
        Assert.Equal("domain", (string)r["host_details"]!["type"]!);
        Assert.True((bool)r["has_auth"]!);
        Assert.Equal("user", (string)r["username"]!);
    }

    [Theory]
    [InlineData("http://192.168.0.1/", "ipv4")]
    [InlineData("http://[2001:db8::1]:8080/", "ipv6")]
    public async Task Analyzer_IpHosts_AreClassified(string url, string type)
    {
        var env = await Run("url_analyzer", new JsonObject { ["url"] = url }, toml: "");

        Assert.Equal(type, (string)env["result"]!["host_details"]!["type"]!);
        Assert.True((bool)env["result"]!["host_details"]!["is_ip"]!);
    }

    [Fact]
    public async Task Analyzer_FetchMetadata_IssuesHeadThroughThePolicy()
    {
        await using var site = await TestSite.StartAsync();

        var ok = await Run("url_analyzer", new JsonObject { ["input"] = site.Url("/redirect"), ["fetch_metadata"] = true });
        var refused = await Run("url_analyzer", new JsonObject { ["input"] = $"http://127.0.0.1:{ClosedPort()}/", ["fetch_metadata"] = true });
        var denied = await Raises("url_analyzer", new JsonObject { ["input"] = site.Url("/text"), ["fetch_metadata"] = true }, toml: "");

        Assert.True((bool)ok["result"]!["metadata"]!["is_redirect"]!);
        Assert.Equal("/page.html", (string)ok["result"]!["metadata"]!["redirect_location"]!);
        Assert.Contains("refused", (string)refused["result"]!["metadata_error"]!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ToolFailureKind.SecurityViolation, denied.Kind);
    }

    [Theory]
    [InlineData("/relative/path")]
    [InlineData("example.com/no-scheme")]
    [InlineData("ftp://example.com/")]
    [InlineData("mailto:someone@example.com")]
    public async Task Analyzer_RelativeOrNonHttp_Raises(string url) =>
        Assert.Equal(ToolFailureKind.InvalidParameters, (await Raises("url_analyzer", new JsonObject { ["input"] = url })).Kind);
}
