using System.Text.Json.Nodes;
using static LlmSpell.Tools.Tests.Web.WebToolHarness;

namespace LlmSpell.Tools.Tests.Web;

public sealed class SitemapCrawlerToolTests
{
    [Fact]
    public async Task Sitemap_UrlSet_ListsUrlsWithMetadata()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("sitemap_crawler", new JsonObject { ["input"] = site.Url("/sitemap.xml") });

        var result = env["result"]!;
        Assert.Equal(3, (int)result["urls_found"]!);
        var first = result["urls"]![0]!;
        Assert.Equal("https://site.example/a", (string)first["url"]!);
        Assert.Equal("2026-01-01", (string)first["lastmod"]!);
        Assert.Equal("daily", (string)first["changefreq"]!);
        Assert.Equal(0.8, (double)first["priority"]!);
        Assert.True((bool)first["has_metadata"]!);
        Assert.False((bool)result["urls"]![1]!["has_metadata"]!);
        Assert.Equal(2, (int)result["stats"]!["urls_with_metadata"]!);
    }

    [Fact]
    public async Task Sitemap_Index_IsFollowedAndBrokenChildrenSkipped()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("sitemap_crawler", new JsonObject { ["input"] = site.Url("/sitemap-index.xml"), ["max_urls"] = 3 });

        var stats = env["result"]!["stats"]!;
        Assert.Equal(1, (int)stats["index_files_found"]!);
        Assert.Equal(3, (int)stats["sitemaps_processed"]!);
        Assert.Equal(4, (int)stats["total_urls_discovered"]!);
        Assert.Equal(3, (int)env["result"]!["urls_found"]!);
    }

    [Fact]
    public async Task Sitemap_IndexWithoutFollowing_IsFailureEnvelope()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("sitemap_crawler", new JsonObject { ["input"] = site.Url("/sitemap-index.xml"), ["follow_sitemaps"] = false });

        Assert.False((bool)env["success"]!);
        Assert.Equal("No sitemaps could be processed or no URLs found", (string)env["error"]!["message"]!);
        Assert.Equal("execution_error", (string)env["error"]!["code"]!);
    }

    [Theory]
    [InlineData("/broken.xml")]
    [InlineData("/empty.xml")]
    [InlineData("/page.html")]
    public async Task Sitemap_MalformedOrEmpty_IsFailureEnvelope(string path)
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("sitemap_crawler", new JsonObject { ["input"] = site.Url(path) });

        Assert.False((bool)env["success"]!);
        Assert.Equal("execution_error", (string)env["error"]!["code"]!);
    }

    [Fact]
    public async Task Sitemap_TopLevelFetchFailure_Raises()
    {
        await using var site = await TestSite.StartAsync();

        Assert.Equal("http_error", (await Raises("sitemap_crawler", new JsonObject { ["input"] = site.Url("/missing.xml") })).Code);
        Assert.Equal("network_error", (await Raises("sitemap_crawler", new JsonObject { ["input"] = $"http://127.0.0.1:{ClosedPort()}/sitemap.xml" })).Code);
        Assert.Equal("missing required parameter 'input'", (await Raises("sitemap_crawler", [])).Message);
        Assert.Contains("'max_urls' must be at least 1", (await Raises("sitemap_crawler", new JsonObject { ["input"] = site.Url("/sitemap.xml"), ["max_urls"] = 0 })).Message, StringComparison.Ordinal);
    }
}
