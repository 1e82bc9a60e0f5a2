using System.Text.Json.Nodes;
using static LlmSpell.Tools.Tests.Web.WebToolHarness;

namespace LlmSpell.Tools.Tests.Web;

public sealed class WebScraperToolTests
{
    [Fact]
    public async Task Scraper_NoSelector_ReturnsTitleAndNormalisedBodyText()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("web_scraper", new JsonObject { ["input"] = site.Url("/page.html") });

        Assert.Equal("scrape", (string)env["operation"]!);
        var content = env["result"]!["content"]!;
        Assert.Equal("Test Page", (string)content["title"]!);
        var text = (string)content["text"]!;
        Assert.StartsWith("Hello World One Two Lead text", text, StringComparison.Ordinal);
        Assert.DoesNotContain("var x", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scraper_Selector_ListsMatchesAndFallsBackToInnerHtml()
    {
        await using var site = await TestSite.StartAsync();

        var items = await Run("web_scraper", new JsonObject { ["input"] = site.Url("/page.html"), ["selector"] = "li.item" });
        var empty = await Run("web_scraper", new JsonObject { ["input"] = site.Url("/page.html"), ["selector"] = ".empty" });

        Assert.Equal(["One", "Two"], items["result"]!["content"]!["selected_content"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("<b></b>", (string)empty["result"]!["content"]!["selected_content"]![0]!);
    }

    [Fact]
    public async Task Scraper_Selectors_MapOneMatchToTextManyToArrayNoneToAbsent()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("web_scraper", new JsonObject
        {
            ["input"] = site.Url("/page.html"),
            ["selectors"] = new JsonObject { ["lead"] = "p.lead", ["items"] = ".item", ["missing"] = ".nope" },
        });

        var content = env["result"]!["content"]!.AsObject();
        Assert.Equal("Lead text", (string)content["lead"]!);
        Assert.Equal(2, content["items"]!.AsArray().Count);
        Assert.False(content.ContainsKey("missing"));
    }

    [Fact]
    public async Task Scraper_LinksImagesAndMeta_AreAbsoluteAndComplete()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("web_scraper", new JsonObject
        {
            ["url"] = site.Url("/page.html"),
            ["extract_links"] = true,
            ["extract_images"] = true,
            ["extract_meta"] = true,
        });

        var result = env["result"]!;
        Assert.Equal([site.Url("/other.html"), "https://example.org/x"], result["links"]!.AsArray().Select(n => (string)n!));
        Assert.Equal([site.Url("/img/a.png"), site.Url("/img/b.png")], result["images"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("A page for tests", (string)result["metadata"]!["description"]!);
        Assert.Equal("OG", (string)result["metadata"]!["meta_tags"]!["og:title"]!);
    }

    [Fact]
    public async Task Scraper_BadInput_Raises()
    {
        await using var site = await TestSite.StartAsync();

        Assert.Equal("unsupported", (await Raises("web_scraper", new JsonObject { ["input"] = site.Url("/page.html"), ["wait_for_js"] = true })).Code);
        Assert.Equal("http_error", (await Raises("web_scraper", new JsonObject { ["input"] = site.Url("/status/404") })).Code);
        Assert.Contains("invalid CSS selector", (await Raises("web_scraper", new JsonObject { ["input"] = site.Url("/page.html"), ["selector"] = "p[[" })).Message, StringComparison.Ordinal);
        Assert.Equal("missing required parameter 'input'", (await Raises("web_scraper", [])).Message);
        Assert.StartsWith("parameter 'selectors': expected object", (await Raises("web_scraper", new JsonObject { ["input"] = site.Url("/page.html"), ["selectors"] = 3 })).Message, StringComparison.Ordinal);
        Assert.Equal("timeout", (await Raises("web_scraper", new JsonObject { ["input"] = site.Url("/slow"), ["timeout"] = 1 })).Code);
    }
}
