using System.Net;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Network;

namespace LlmSpell.Tools.Web;

/// <summary>url_analyzer (tools.md §5.30): parses and normalises a URL; optionally HEADs it through the policy.</summary>
internal sealed class UrlAnalyzerTool(ToolServices services) : ITool
{
    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "url_analyzer",
        Description = "Parse and normalise an absolute http(s) URL (host type, port, path, query parameters); optionally fetch HEAD metadata.",
        Category = "web",
        SecurityLevel = "safe",
        RequiresNetwork = false,
        Parameters =
        [
            new("input", "string", "Absolute http(s) URL.", Required: true, Aliases: ["url"]),
            new("fetch_metadata", "boolean", "Issue a HEAD request (10 s; network policy applies).", Default: false),
        ],
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var original = WebParams.Url(request).Trim();
        if (!Uri.TryCreate(original, UriKind.Absolute, out var uri) || original.StartsWith('/'))
        {
            throw ToolFailureException.InvalidParameters($"'{original}' is not an absolute URL");
        }

        if (uri.Scheme is not ("http" or "https"))
        {
            throw ToolFailureException.InvalidParameters($"URL scheme '{uri.Scheme}' is not supported (only http and https)");
        }

        var hostType = uri.HostNameType switch
        {
            UriHostNameType.IPv4 => "ipv4",
            UriHostNameType.IPv6 => "ipv6",
            _ => "domain",
        };
        var userInfo = uri.UserInfo;
        var result = new JsonObject
        {
            ["valid"] = true,
            ["original"] = original,
            ["normalized"] = uri.AbsoluteUri,
            ["scheme"] = uri.Scheme,
            ["host"] = uri.Host,
            ["port"] = uri.Port,
            ["path"] = uri.AbsolutePath,
            ["query"] = uri.Query.TrimStart('?'),
            ["fragment"] = uri.Fragment.TrimStart('#'),
            ["query_params"] = QueryParams(uri.Query),
            ["host_details"] = new JsonObject { ["type"] = hostType, ["value"] = uri.Host.Trim('[', ']'), ["is_ip"] = hostType != "domain" },
            ["has_auth"] = userInfo.Length > 0,
        };
        if (userInfo.Length > 0)
        {
            result["username"] = WebUtility.UrlDecode(userInfo.Split(':')[0]);
        }

        if (request.Flag("fetch_metadata"))
        {
            await AddMetadataAsync(result, original, cancellationToken);
        }

        return Envelope.Success("analyze", $"Analyzed {uri.AbsoluteUri}", result);
    }

    private async Task AddMetadataAsync(JsonObject result, string url, CancellationToken cancellationToken)
    {
        try
        {
            var response = await NetworkServices.Gateway(services).SendAsync(new NetRequest
            {
                Url = url,
                Method = "HEAD",
                Timeout = TimeSpan.FromSeconds(10),
                FollowRedirects = false,
            }, cancellationToken);
            var metadata = new JsonObject
            {
                ["status_code"] = response.StatusCode,
                ["status_text"] = response.StatusText,
                ["is_success"] = response.IsSuccess,
                ["is_redirect"] = response.StatusCode is >= 300 and < 400,
            };
            foreach (var (field, header) in new[] { ("content_type", "content-type"), ("server", "server"), ("last_modified", "last-modified"), ("etag", "etag"), ("redirect_location", "location") })
            {
                if (response.Header(header) is { } value)
                {
                    metadata[field] = value;
                }
            }

            if (long.TryParse(response.Header("content-length"), out var length))
            {
                metadata["content_length"] = length;
            }

            result["metadata"] = metadata;
        }
        catch (NetworkException ex)
        {
            result["metadata_error"] = ex.Message;
        }
    }

    private static JsonObject QueryParams(string query)
    {
        var map = new JsonObject();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = WebUtility.UrlDecode(eq >= 0 ? part[..eq] : part);
            var value = WebUtility.UrlDecode(eq >= 0 ? part[(eq + 1)..] : "");
            map[key] = map[key] switch
            {
                null => value,
                JsonArray arr => new JsonArray([.. arr.Select(n => n?.DeepClone()), value]),
                var single => new JsonArray(single.DeepClone(), value),
            };
        }

        return map;
    }
}
