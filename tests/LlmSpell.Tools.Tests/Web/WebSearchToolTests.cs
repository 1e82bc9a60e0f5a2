using System.Text.Json.Nodes;
using static LlmSpell.Tools.Tests.Web.WebToolHarness;

namespace LlmSpell.Tools.Tests.Web;

public sealed class WebSearchToolTests
{
    [Fact]
    public async Task Search_DuckDuckGoHtml_IsParsedAndRedirectLinksUnwrapped()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("web_search", new JsonObject { ["input"] = "lua" }, SearchEndpoints.Toml(site.BaseUrl));

        Assert.Equal("Found 3 results for 'lua' using duckduckgo", (string)env["message"]!);
        var first = env["result"]!["results"]![0]!;
        Assert.Equal("Lua docs", (string)first["title"]!);
        Assert.Equal("https://docs.example.com/lua", (string)first["url"]!);
        Assert.Equal("About lua", (string)first["snippet"]!);
        Assert.Equal(1, (int)first["rank"]!);
        Assert.Equal("duckduckgo", (string)first["provider"]!);
    }

    [Theory]
    [InlineData("brave", "brave_api_key = \"brave-key\"", 3)]
    [InlineData("google", "google_api_key = \"g\"\ngoogle_search_engine_id = \"cx1\"", 2)]
    [InlineData("serpapi", "serpapi_api_key = \"s\"", 2)]
    [InlineData("serper", "serper_api_key = \"s\"", 2)]
    [InlineData("tavily", "tavily_api_key = \"t\"", 2)]
    public async Task Search_ApiProviders_ReturnRankedResults(string provider, string keys, int count)
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("web_search", new JsonObject { ["input"] = "lua", ["provider"] = provider }, SearchEndpoints.Toml(site.BaseUrl, extra: keys));

        Assert.Equal(provider, (string)env["result"]!["provider"]!);
        Assert.Equal(count, (int)env["result"]!["count"]!);
        Assert.Equal("https://r1.example.com/1", (string)env["result"]!["results"]![0]!["url"]!);
    }

    [Theory]
    [InlineData("brave", "brave_api_key = \"brave-key\"", "About news lua")]
    [InlineData("serpapi", "serpapi_api_key = \"s\"", "About news lua")]
    [InlineData("serper", "serper_api_key = \"s\"", "About news lua")]
    public async Task Search_News_UsesTheNewsEndpoint(string provider, string keys, string snippet)
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("web_search", new JsonObject { ["input"] = "lua", ["provider"] = provider, ["search_type"] = "news" }, SearchEndpoints.Toml(site.BaseUrl, extra: keys));

        Assert.Equal(snippet, (string)env["result"]!["results"]![0]!["snippet"]!);
    }

    [Fact]
    public async Task Search_ProviderWithoutKey_FallsBack()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("web_search", new JsonObject { ["input"] = "lua", ["provider"] = "tavily" }, SearchEndpoints.Toml(site.BaseUrl));

        Assert.Equal("duckduckgo", (string)env["result"]!["provider"]!);
    }

    [Fact]
    public async Task Search_AllProvidersFailing_RaisesWithEachReason()
    {
        await using var site = await TestSite.StartAsync();

        var ex = await Raises("web_search", new JsonObject { ["input"] = "lua", ["provider"] = "brave" },
            SearchEndpoints.Toml(site.BaseUrl, fallback: "[\"serper\"]", extra: "brave_api_key = \"wrong\""));

        Assert.Equal("all search providers failed: brave: HTTP 401 Unauthorized; serper: no API key (set SERPER_API_KEY or tools.web_search.serper_api_key)", ex.Message);
    }

    [Fact]
    public async Task Search_ZeroResults_IsNegativeResult()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("web_search", new JsonObject { ["query"] = "nothing" }, SearchEndpoints.Toml(site.BaseUrl));

        Assert.True((bool)env["success"]!);
        Assert.Equal(0, (int)env["result"]!["count"]!);
    }

    [Fact]
    public async Task Search_DomainFiltersAndMaxResults_Apply()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("web_search", new JsonObject { ["input"] = "lua", ["max_results"] = 1 }, SearchEndpoints.Toml(site.BaseUrl, extra: "blocked_domains = [\"docs.example.com\", \"spam.example\"]"));

        Assert.Equal(1, (int)env["result"]!["count"]!);
        Assert.Equal("https://lua.org/", (string)env["result"]!["results"]![0]!["url"]!);
    }

    [Fact]
    public async Task Search_RateLimit_RaisesRateLimited()
    {
        await using var site = await TestSite.StartAsync();
        var services = Services(SearchEndpoints.Toml(site.BaseUrl, extra: "rate_limit_per_minute = 1"));
        await Run(services, "web_search", new JsonObject { ["input"] = "lua" });

        var ex = await Assert.ThrowsAsync<LlmSpell.Tools.Infrastructure.ToolFailureException>(() => Run(services, "web_search", new JsonObject { ["input"] = "lua" }));

        Assert.Equal("rate_limited", ex.Code);
        Assert.Equal("rate limit exceeded (1 per minute)", ex.Message);
    }

    [Fact]
    public async Task Search_BadInput_Raises()
    {
        Assert.Equal("missing required parameter 'input'", (await Raises("web_search", [])).Message);
        Assert.StartsWith("parameter 'provider'", (await Raises("web_search", new JsonObject { ["input"] = "x", ["provider"] = "bing" })).Message, StringComparison.Ordinal);
        Assert.Contains("between 1 and 50", (await Raises("web_search", new JsonObject { ["input"] = "x", ["max_results"] = 99 })).Message, StringComparison.Ordinal);
        Assert.StartsWith("parameter 'search_type'", (await Raises("web_search", new JsonObject { ["input"] = "x", ["search_type"] = "images" })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_DefaultPolicy_DeniesPrivateProviderEndpoint()
    {
        await using var site = await TestSite.StartAsync();

        var ex = await Raises("web_search", new JsonObject { ["input"] = "lua" }, SearchEndpoints.Toml(site.BaseUrl).Replace("block_private_addresses = false", "block_private_addresses = true", StringComparison.Ordinal));

        Assert.Equal(LlmSpell.Tools.Infrastructure.ToolFailureKind.SecurityViolation, ex.Kind);
    }
}
