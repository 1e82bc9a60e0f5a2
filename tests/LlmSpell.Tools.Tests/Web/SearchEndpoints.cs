using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LlmSpell.Tools.Tests.Web;

/// <summary>Fake search-provider endpoints shaped like the real APIs (for tools.web_search.endpoints.*).</summary>
internal static class SearchEndpoints
{
    public const string BraveKey = "brave-key";

    public static string Toml(string baseUrl, string provider = "duckduckgo", string fallback = "[\"duckduckgo\"]", string extra = "") => $"""
        [tools.network]
        block_private_addresses = false
        [tools.web_search]
        provider = "{provider}"
        fallback_providers = {fallback}
        {extra}
        [tools.web_search.endpoints]
        duckduckgo = "{baseUrl}/ddg/html/"
        brave = "{baseUrl}/brave/res/v1/web/search"
        google = "{baseUrl}/google/customsearch/v1"
        serpapi = "{baseUrl}/serpapi/search.json"
        serper = "{baseUrl}/serper/search"
        tavily = "{baseUrl}/tavily/search"
        """;

    public static void Map(WebApplication app)
    {
        app.MapGet("/ddg/html/", (string q) => q == "nothing"
            ? Results.Content("<html><body><div class='no-results'>No results.</div></body></html>", "text/html")
            : Results.Content($"""
                <html><body>
                <div class="result"><a class="result__a" href="//duckduckgo.com/l/?uddg=https%3A%2F%2Fdocs.example.com%2Flua&amp;rut=x">Lua <b>docs</b></a><a class="result__snippet">About {q}</a></div>
                <div class="result"><a class="result__a" href="https://www.spam.example/buy">Spam</a><a class="result__snippet">spam</a></div>
                <div class="result"><a class="result__a" href="https://lua.org/">Lua.org</a><div class="result__snippet">The   language</div></div>
                </body></html>
                """, "text/html"));
        app.MapGet("/brave/res/v1/web/search", (HttpContext ctx, string q) => ctx.Request.Headers["X-Subscription-Token"] != BraveKey
            ? Results.StatusCode(401)
            : Json(new JsonObject { ["web"] = new JsonObject { ["results"] = Hits("url", "description", q, 3) } }));
        app.MapGet("/brave/res/v1/news/search", (string q) => Json(new JsonObject { ["results"] = Hits("url", "description", "news " + q, 2) }));
        app.MapGet("/google/customsearch/v1", (string key, string cx, string q) => Json(new JsonObject { ["items"] = Hits("link", "snippet", q + " " + cx, 2) }));
        app.MapGet("/serpapi/search.json", (string q, string? tbm) => Json(tbm == "nws"
            ? new JsonObject { ["news_results"] = Hits("link", "snippet", "news " + q, 1) }
            : new JsonObject { ["organic_results"] = Hits("link", "snippet", q, 2) }));
        app.MapPost("/serper/search", async (HttpContext ctx, CancellationToken ct) => Json(new JsonObject { ["organic"] = Hits("link", "snippet", await Query(ctx, "q"), 2) }));
        app.MapPost("/serper/news", async (HttpContext ctx, CancellationToken ct) => Json(new JsonObject { ["news"] = Hits("link", "snippet", "news " + await Query(ctx, "q"), 1) }));
        app.MapPost("/tavily/search", async (HttpContext ctx, CancellationToken ct) => Json(new JsonObject { ["results"] = Hits("url", "content", await Query(ctx, "query"), 2) }));
    }

    private static async Task<string> Query(HttpContext ctx, string field) =>
        (await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted))?[field]?.ToString() ?? "";

    private static JsonArray Hits(string urlField, string snippetField, string about, int n)
    {
        var arr = new JsonArray();
        for (var i = 1; i <= n; i++)
        {
            arr.Add(new JsonObject { ["title"] = $"Result {i}", [urlField] = $"https://r{i}.example.com/{i}", [snippetField] = $"About {about}" });
        }

        return arr;
    }

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");
}
