using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Network;

namespace LlmSpell.Tools.Web;

/// <summary>One search request as the providers see it.</summary>
internal sealed record SearchQuery(string Text, int MaxResults, bool News, bool SafeSearch, string? Language, string? Region, TimeSpan Timeout);

/// <summary>
/// The web_search providers (tools.md §5.29). Each endpoint is <c>tools.web_search.endpoints.&lt;provider&gt;</c>
/// when configured (tests point them at a local server), else the provider's public URL. A provider
/// that cannot run throws <see cref="SearchProviderException"/> with the reason the fallback report shows.
/// </summary>
internal sealed class SearchProviders(ToolServices services)
{
    public static readonly string[] Names = ["duckduckgo", "brave", "google", "serpapi", "serper", "tavily"];

    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        ["duckduckgo"] = "https://html.duckduckgo.com/html/",
        ["brave"] = "https://api.search.brave.com/res/v1/web/search",
        ["google"] = "https://www.googleapis.com/customsearch/v1",
        ["serpapi"] = "https://serpapi.com/search.json",
        ["serper"] = "https://google.serper.dev/search",
        ["tavily"] = "https://api.tavily.com/search",
    };

    public async Task<List<SearchHit>> SearchAsync(string provider, SearchQuery query, CancellationToken cancellationToken)
    {
        if (query.News && provider is "duckduckgo" or "tavily")
        {
            throw new SearchProviderException($"news search is not supported by {provider}");
        }

        return provider switch
        {
            "duckduckgo" => DuckDuckGo(await GetAsync(Url("duckduckgo", ("q", query.Text), ("kp", query.SafeSearch ? "1" : "-2"), ("kl", query.Region)), [], query, cancellationToken)),
            "brave" => Brave(await GetAsync(
                Url("brave", query.News, ("q", query.Text), ("count", Math.Min(query.MaxResults, 20).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("safesearch", query.SafeSearch ? "moderate" : "off"), ("search_lang", query.Language), ("country", query.Region)),
                [new("X-Subscription-Token", Key("brave", "BRAVE_API_KEY")), new("Accept", "application/json")], query, cancellationToken), query.News),
            "google" => Items(await GetAsync(
                Url("google", ("key", Key("google", "GOOGLE_SEARCH_API_KEY")), ("cx", EngineId()), ("q", query.Text), ("num", Math.Min(query.MaxResults, 10).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("safe", query.SafeSearch ? "active" : "off"), ("lr", query.Language is null ? null : "lang_" + query.Language), ("gl", query.Region), ("sort", query.News ? "date" : null)),
                [], query, cancellationToken), "items", "link", "snippet"),
            "serpapi" => Items(await GetAsync(
                Url("serpapi", ("engine", "google"), ("q", query.Text), ("api_key", Key("serpapi", "SERPAPI_API_KEY")), ("num", query.MaxResults.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("safe", query.SafeSearch ? "active" : "off"), ("hl", query.Language), ("gl", query.Region), ("tbm", query.News ? "nws" : null)),
                [], query, cancellationToken), query.News ? "news_results" : "organic_results", "link", "snippet"),
            "serper" => Items(await PostAsync(Endpoint("serper", query.News),
                [new("X-API-KEY", Key("serper", "SERPER_API_KEY"))],
                new JsonObject { ["q"] = query.Text, ["num"] = query.MaxResults, ["hl"] = query.Language, ["gl"] = query.Region }, query, cancellationToken),
                query.News ? "news" : "organic", "link", "snippet"),
            "tavily" => Items(await PostAsync(Endpoint("tavily", false), [],
                new JsonObject { ["api_key"] = Key("tavily", "TAVILY_API_KEY"), ["query"] = query.Text, ["max_results"] = query.MaxResults }, query, cancellationToken),
                "results", "url", "content"),
            _ => throw new SearchProviderException($"unknown provider '{provider}'"),
        };
    }

    private string Endpoint(string provider, bool news)
    {
        var configured = services.Config.GetString($"tools.web_search.endpoints.{provider}");
        var url = string.IsNullOrWhiteSpace(configured) ? Defaults[provider] : configured;
        return !news ? url : provider switch
        {
            "brave" => url.Replace("/web/search", "/news/search", StringComparison.Ordinal),
            "serper" => url.EndsWith("/search", StringComparison.Ordinal) ? url[..^"/search".Length] + "/news" : url,
            _ => url,
        };
    }

    private string Url(string provider, params (string Key, string? Value)[] query) => Url(provider, false, query);

    private string Url(string provider, bool news, params (string Key, string? Value)[] query)
    {
        var sb = new StringBuilder(Endpoint(provider, news));
        var first = !sb.ToString().Contains('?', StringComparison.Ordinal);
        foreach (var (key, value) in query.Where(q => !string.IsNullOrEmpty(q.Value)))
        {
            sb.Append(first ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(value!));
            first = false;
        }

        return sb.ToString();
    }

    private string Key(string provider, string envVar)
    {
        var key = services.Config.GetString($"tools.web_search.{provider}_api_key");
        if (string.IsNullOrWhiteSpace(key))
        {
            key = Environment.GetEnvironmentVariable(envVar);
        }

        return string.IsNullOrWhiteSpace(key)
            ? throw new SearchProviderException($"no API key (set {envVar} or tools.web_search.{provider}_api_key)")
            : key;
    }

    private string EngineId()
    {
        var id = services.Config.GetString("tools.web_search.google_search_engine_id");
        id = string.IsNullOrWhiteSpace(id) ? Environment.GetEnvironmentVariable("GOOGLE_SEARCH_ENGINE_ID") : id;
        return string.IsNullOrWhiteSpace(id) ? throw new SearchProviderException("no search engine id (set GOOGLE_SEARCH_ENGINE_ID or tools.web_search.google_search_engine_id)") : id;
    }

    private Task<NetResponse> GetAsync(string url, List<KeyValuePair<string, string>> headers, SearchQuery query, CancellationToken cancellationToken) =>
        SendAsync(new NetRequest { Url = url, Headers = headers, Timeout = query.Timeout }, cancellationToken);

    private Task<NetResponse> PostAsync(string url, List<KeyValuePair<string, string>> headers, JsonObject body, SearchQuery query, CancellationToken cancellationToken)
    {
        headers.Add(new("Content-Type", "application/json"));
        return SendAsync(new NetRequest { Url = url, Method = "POST", Headers = headers, Body = Encoding.UTF8.GetBytes(body.ToJsonString()), Timeout = query.Timeout }, cancellationToken);
    }

    private async Task<NetResponse> SendAsync(NetRequest request, CancellationToken cancellationToken)
    {
        NetResponse response;
        try
        {
            response = await NetworkServices.Gateway(services).SendAsync(request, cancellationToken);
        }
        catch (NetworkException ex)
        {
            throw new SearchProviderException(ex.Message);
        }

        return response.IsSuccess ? response : throw new SearchProviderException($"HTTP {response.StatusCode} {response.StatusText}");
    }

    private static JsonObject JsonBody(NetResponse response) =>
        WebParams.TryJson(response.Text, out var ok) is JsonObject obj && ok ? obj : throw new SearchProviderException("the response is not a JSON object");

    private static List<SearchHit> Items(NetResponse response, string arrayName, string urlField, string snippetField) =>
        [.. (JsonBody(response)[arrayName] as JsonArray ?? []).OfType<JsonObject>().Select(o => Hit(o, urlField, snippetField)).OfType<SearchHit>()];

    private static List<SearchHit> Brave(NetResponse response, bool news)
    {
        var body = JsonBody(response);
        var results = news ? body["results"] : body["web"]?["results"];
        return [.. (results as JsonArray ?? []).OfType<JsonObject>().Select(o => Hit(o, "url", "description")).OfType<SearchHit>()];
    }

    private static SearchHit? Hit(JsonObject o, string urlField, string snippetField)
    {
        var url = o[urlField]?.ToString();
        return string.IsNullOrEmpty(url) ? null : new SearchHit(o["title"]?.ToString() ?? "", url, HtmlPages.Normalize(o[snippetField]?.ToString() ?? ""));
    }

    /// <summary>DuckDuckGo's HTML results page: result links may be wrapped in a /l/?uddg= redirect.</summary>
    private static List<SearchHit> DuckDuckGo(NetResponse response)
    {
        var document = new HtmlParser().ParseDocument(response.Text);
        var hits = new List<SearchHit>();
        foreach (var result in document.QuerySelectorAll(".result"))
        {
            var link = result.QuerySelector("a.result__a");
            var href = link?.GetAttribute("href");
            if (link is null || string.IsNullOrEmpty(href))
            {
                continue;
            }

            if (Uri.TryCreate(new Uri(response.FinalUrl), href, out var abs) && abs.Query.Contains("uddg=", StringComparison.Ordinal))
            {
                var uddg = abs.Query.TrimStart('?').Split('&').FirstOrDefault(p => p.StartsWith("uddg=", StringComparison.Ordinal));
                href = uddg is null ? href : WebUtility.UrlDecode(uddg["uddg=".Length..]);
            }

            hits.Add(new SearchHit(HtmlPages.Normalize(link.TextContent), href, HtmlPages.Normalize(result.QuerySelector(".result__snippet")?.TextContent ?? "")));
        }

        return hits;
    }
}

/// <summary>Why one provider could not answer (shown in the fallback report).</summary>
internal sealed class SearchProviderException(string reason) : Exception(reason);
