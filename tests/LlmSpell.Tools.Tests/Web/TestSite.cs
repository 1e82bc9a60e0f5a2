using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LlmSpell.Tools.Tests.Web;

/// <summary>
/// A small real web site on 127.0.0.1 for the web tools: HTML pages, redirects, JSON/text/binary
/// bodies, flaky and slow endpoints, GraphQL, sitemaps, and a webhook receiver that verifies HMAC
/// signatures (tools.md §5.33: sha256=hex(HMAC-SHA256(secret, body))) and requires the timestamp header.
/// </summary>
internal sealed class TestSite : IAsyncDisposable
{
    public const string Secret = "s3cret";

    private readonly ConcurrentDictionary<string, int> _hits = new();
    private LoopbackServer _server = null!;

    /// <summary>Bodies the webhook receiver accepted with a valid signature.</summary>
    public ConcurrentQueue<string> Verified { get; } = new();

    /// <summary>Deliveries rejected for a bad or missing signature.</summary>
    public ConcurrentQueue<string> Rejected { get; } = new();

    /// <summary>Content served at /monitor (tests change it between calls).</summary>
    public string MonitorBody { get; set; } = "<html><body><div id='news'><p>alpha</p><p>beta</p></div><p>footer</p></body></html>";

    public string BaseUrl => _server.BaseUrl;

    /// <summary>Toml that lets tools reach this loopback server.</summary>
    public const string LoopbackToml = "[tools.network]\nblock_private_addresses = false\n";

    public string Url(string path) => _server.Url(path);

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public static async Task<TestSite> StartAsync()
    {
        var site = new TestSite();
        site._server = await LoopbackServer.StartAsync(site.Map);
        return site;
    }

    private int Hit(HttpContext ctx) => _hits.AddOrUpdate(ctx.Request.Path.Value!, 1, (_, n) => n + 1);

    private void Map(WebApplication app)
    {
        app.MapGet("/page.html", (HttpContext ctx) => Html(ctx, """
            <html><head><title>Test Page</title><meta name="description" content="A page for tests"><meta property="og:title" content="OG"></head>
            <body><h1>Hello   World</h1><script>var x = 1;</script>
            <ul><li class="item">One</li><li class="item">Two</li></ul><p class="lead">Lead text</p><div class="empty"><b></b></div>
            <a href="/other.html">Other</a><a href="https://example.org/x">Ext</a><a href="#top">Top</a><a href="javascript:void(0)">JS</a>
            <img src="/img/a.png"><img src="img/b.png"></body></html>
            """));
        app.MapMethods("/redirect", ["GET", "HEAD"], () => Results.Redirect("/page.html"));
        app.MapGet("/redirect-loop", () => Results.Redirect("/redirect-loop"));
        app.MapGet("/redirect-to", (string to) => Results.Redirect(to));
        app.MapGet("/json", () => Results.Text("{\"name\":\"llmspell\",\"items\":[1,2,3]}", "application/json"));
        app.MapGet("/badjson", () => Results.Text("{not json", "application/json"));
        app.MapMethods("/text", ["GET", "POST"], () => Results.Text("plain text", "text/plain"));
        app.MapGet("/binary", () => Results.Bytes([0, 1, 2, 255], "application/octet-stream"));
        app.MapGet("/big", () => Results.Text(new string('x', 200_000), "text/plain"));
        app.MapGet("/status/{code:int}", (int code) => Results.Text($"status {code}", "text/plain", statusCode: code));
        app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(5000, ct);
            return Results.Text("late");
        });
        app.MapGet("/multi-header", (HttpContext ctx) =>
        {
            ctx.Response.Headers.Append("X-Multi", "a");
            ctx.Response.Headers.Append("X-Multi", "b");
            return Results.Text("ok");
        });
        app.Map("/echo", (Delegate)Echo);
        app.MapGet("/flaky", (HttpContext ctx) => Hit(ctx) <= 2 ? Results.StatusCode(503) : Results.Text("recovered"));
        app.MapGet("/retry-after", (HttpContext ctx) =>
        {
            if (Hit(ctx) == 1)
            {
                ctx.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(429);
            }

            return Results.Text("after wait");
        });
        app.MapGet("/monitor", (HttpContext ctx) => Html(ctx, MonitorBody));
        app.MapPost("/graphql", (Delegate)GraphQl);
        MapSitemaps(app);
        MapWebhooks(app);
        SearchEndpoints.Map(app);
    }

    private static IResult Html(HttpContext ctx, string html) => Results.Content(html, "text/html; charset=utf-8");

    private static async Task<IResult> Echo(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = new JsonObject();
        foreach (var (k, v) in ctx.Request.Headers)
        {
            headers[k.ToLowerInvariant()] = v.ToString();
        }

        var echo = new JsonObject
        {
            ["method"] = ctx.Request.Method,
            ["query"] = ctx.Request.QueryString.Value,
            ["headers"] = headers,
            ["body"] = body,
        };
        return Results.Text(echo.ToJsonString(), "application/json");
    }

    private async Task<IResult> GraphQl(HttpContext ctx)
    {
        Hit(ctx);
        var request = (await JsonNode.ParseAsync(ctx.Request.Body))!.AsObject();
        var query = request["query"]!.GetValue<string>();
        JsonObject response = query switch
        {
            _ when query.Contains("__schema", StringComparison.Ordinal) => new() { ["data"] = new JsonObject { ["__schema"] = new JsonObject { ["queryType"] = new JsonObject { ["name"] = "Query" } } } },
            _ when query.Contains("failing", StringComparison.Ordinal) => new() { ["errors"] = new JsonArray(new JsonObject { ["message"] = "field 'failing' exploded" }) },
            _ when query.Contains("partial", StringComparison.Ordinal) => new() { ["data"] = new JsonObject { ["partial"] = 1 }, ["errors"] = new JsonArray(new JsonObject { ["message"] = "minor" }) },
            _ => new() { ["data"] = new JsonObject { ["echo"] = request["variables"]?.DeepClone(), ["operationName"] = request["operationName"]?.DeepClone() } },
        };
        return Results.Text(response.ToJsonString(), "application/json");
    }

    private static void MapSitemaps(WebApplication app)
    {
        static IResult Xml(string body) => Results.Text(body, "application/xml");
        const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        app.MapGet("/sitemap.xml", () => Xml($"""
            <?xml version="1.0" encoding="UTF-8"?><urlset xmlns="{Ns}">
            <url><loc>https://site.example/a</loc><lastmod>2026-01-01</lastmod><changefreq>daily</changefreq><priority>0.8</priority></url>
            <url><loc>https://site.example/b</loc></url>
            <url><loc>https://site.example/c</loc><priority>0.5</priority></url></urlset>
            """));
        app.MapGet("/sitemap2.xml", () => Xml($"""<urlset xmlns="{Ns}"><url><loc>https://site.example/d</loc></url></urlset>"""));
        app.MapGet("/sitemap-index.xml", (HttpContext ctx) => Xml($"""
            <sitemapindex xmlns="{Ns}"><sitemap><loc>{Base(ctx)}/sitemap.xml</loc></sitemap><sitemap><loc>{Base(ctx)}/sitemap2.xml</loc></sitemap>
            <sitemap><loc>{Base(ctx)}/missing.xml</loc></sitemap><sitemap><loc>{Base(ctx)}/broken.xml</loc></sitemap></sitemapindex>
            """));
        app.MapGet("/broken.xml", () => Xml("<urlset><url><loc>unterminated"));
        app.MapGet("/empty.xml", () => Xml($"""<urlset xmlns="{Ns}"></urlset>"""));
        app.MapGet("/missing.xml", () => Results.NotFound());
    }

    private static string Base(HttpContext ctx) => $"{ctx.Request.Scheme}://{ctx.Request.Host}";

    private void MapWebhooks(WebApplication app)
    {
        app.MapPost("/hook", async (HttpContext ctx) =>
        {
            Hit(ctx);
            var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            var signature = ctx.Request.Headers["X-Webhook-Signature"].ToString();
            var timestamp = ctx.Request.Headers["X-Webhook-Timestamp"].ToString();
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body)));
            if (signature.Length > 0 && timestamp.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(expected)))
            {
                Verified.Enqueue(body);
                return Results.Text("{\"received\":true}", "application/json");
            }

            Rejected.Enqueue(body);
            return Results.Text("{\"error\":\"bad signature\"}", "application/json", statusCode: 401);
        });
        app.MapPost("/hook500", (HttpContext ctx) =>
        {
            Hit(ctx);
            return Results.Text("down", statusCode: 500);
        });
        app.MapPost("/hook429", (HttpContext ctx) =>
        {
            if (Hit(ctx) == 1)
            {
                ctx.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(429);
            }

            return Results.Text("ok");
        });
        app.MapPost("/hookslow", async (HttpContext ctx, CancellationToken ct) =>
        {
            Hit(ctx);
            await Task.Delay(5000, ct);
            return Results.Text("late");
        });
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
