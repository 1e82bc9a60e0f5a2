using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Security;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Network;

namespace LlmSpell.Tools.Web;

/// <summary>web_search (tools.md §5.29): provider with fallback chain, rate limit and domain filters.</summary>
internal sealed class WebSearchTool(ToolServices services) : ITool
{
    private readonly SearchProviders _providers = new(services);

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "web_search",
        Description = "Search the web (duckduckgo, brave, google, serpapi, serper, tavily) with fallback providers; returns titles, URLs and snippets.",
        Category = "web",
        SecurityLevel = "safe",
        RequiresNetwork = true,
        Parameters =
        [
            new("input", "string", "Search query.", Required: true, Aliases: ["query"]),
            new("provider", "string", "Provider (default tools.web_search.provider).", Enum: SearchProviders.Names),
            new("max_results", "integer", "1..50 (default tools.web_search.max_results)."),
            new("search_type", "string", "web or news (news: brave, google, serpapi, serper).", Default: "web", Enum: ["web", "news"]),
            new("safe_search", "boolean", "Safe search.", Default: true),
            new("language", "string", "Language code, passed where supported."),
            new("region", "string", "Region/country code, passed where supported."),
        ],
        DefaultTimeout = TimeSpan.FromSeconds(90),
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var config = services.Config;
        var text = (request.String("input") ?? request.String("query"))?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw ToolFailureException.InvalidParameters("missing required parameter 'input'");
        }

        var provider = (request.String("provider") ?? config.GetString("tools.web_search.provider") ?? "duckduckgo").Trim().ToLowerInvariant();
        if (!SearchProviders.Names.Contains(provider))
        {
            throw ToolFailureException.InvalidParameters($"parameter 'provider': expected one of {string.Join(", ", SearchProviders.Names)}, got '{provider}'");
        }

        var max = request.Integer("max_results") ?? config.GetInt("tools.web_search.max_results", 10);
        if (max is < 1 or > 50)
        {
            throw ToolFailureException.InvalidParameters($"parameter 'max_results' must be between 1 and 50, got {max}");
        }

        var searchType = (request.String("search_type") ?? "web").Trim().ToLowerInvariant();
        if (searchType is not ("web" or "news"))
        {
            throw ToolFailureException.InvalidParameters($"parameter 'search_type': expected one of web, news, got '{searchType}'");
        }

        var perMinute = config.GetInt("tools.web_search.rate_limit_per_minute", 30);
        if (!NetworkServices.Shared(services, s => new SearchRateLimiter(s.Time)).TryAcquire(perMinute))
        {
            throw ToolFailureException.Failed($"rate limit exceeded ({perMinute} per minute)", "rate_limited");
        }

        var query = new SearchQuery(text, (int)max, searchType == "news", request.Flag("safe_search", true), request.String("language"), request.String("region"),
            TimeSpan.FromSeconds(Math.Max(1, config.GetInt("tools.web_search.timeout_seconds", 30))));
        var chain = new List<string> { provider };
        chain.AddRange(config.GetStrings("tools.web_search.fallback_providers").Select(p => p.Trim().ToLowerInvariant()).Where(p => !chain.Contains(p)));
        var reasons = new List<string>();
        foreach (var name in chain)
        {
            List<SearchHit> hits;
            try
            {
                hits = await _providers.SearchAsync(name, query, cancellationToken);
            }
            catch (SearchProviderException ex)
            {
                reasons.Add($"{name}: {ex.Message}");
                continue;
            }

            return Success(text, name, Filter(hits).Take(query.MaxResults).ToList());
        }

        throw ToolFailureException.Failed($"all search providers failed: {string.Join("; ", reasons)}", "network_error");
    }

    private static ComponentOutput Success(string query, string provider, List<SearchHit> hits)
    {
        var results = new JsonArray();
        for (var i = 0; i < hits.Count; i++)
        {
            results.Add((JsonNode)new JsonObject { ["title"] = hits[i].Title, ["url"] = hits[i].Url, ["snippet"] = hits[i].Snippet, ["provider"] = provider, ["rank"] = i + 1 });
        }

        var result = new JsonObject { ["query"] = query, ["provider"] = provider, ["count"] = hits.Count, ["results"] = results };
        return Envelope.Success("search", $"Found {hits.Count} results for '{query}' using {provider}", result);
    }

    /// <summary>
    /// tools.web_search.allowed_domains / blocked_domains on result hosts. A plain domain also covers
    /// its subdomains here (blocking "example.com" should hide "www.example.com").
    /// </summary>
    private IEnumerable<SearchHit> Filter(IEnumerable<SearchHit> hits)
    {
        var allowed = services.Config.GetStrings("tools.web_search.allowed_domains");
        var blocked = services.Config.GetStrings("tools.web_search.blocked_domains");
        foreach (var hit in hits)
        {
            if (!Uri.TryCreate(hit.Url, UriKind.Absolute, out var uri))
            {
                continue;
            }

            var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
            if (blocked.Any(p => DomainMatches(p, host)) || (allowed.Count > 0 && !allowed.Any(p => DomainMatches(p, host))))
            {
                continue;
            }

            yield return hit;
        }
    }

    private static bool DomainMatches(string pattern, string host)
    {
        var p = pattern.Trim().TrimEnd('.').ToLowerInvariant();
        return HostPatterns.Matches(p, host) || (!p.StartsWith('*') && host.EndsWith("." + p, StringComparison.Ordinal));
    }
}
