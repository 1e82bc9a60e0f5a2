using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Network;

namespace LlmSpell.Tools.Web;

/// <summary>http_request (tools.md §5.14): any method, auth, retries with Retry-After, typed bodies.</summary>
internal sealed class HttpRequestTool(ToolServices services) : ITool
{
    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "http_request",
        Description = "Send an HTTP request (any method) with headers, query, JSON or text body, auth and retries; returns status, headers and the decoded body.",
        Category = "api",
        SecurityLevel = "safe",
        RequiresNetwork = true,
        Parameters =
        [
            new("input", "string", "Absolute http(s) URL.", Required: true, Aliases: ["url"]),
            new("method", "string", "HTTP method.", Default: "GET", Enum: WebParams.AllMethods),
            new("headers", "object", "Request headers (merged over tools.http_request.default_headers)."),
            new("query", "object", "Query parameters appended to the URL."),
            new("body", "any", "Body: a table is sent as JSON, a string as-is."),
            new("auth", "object", "{ type = none|basic|bearer|api_key|custom, username, password, token, key, header_name = 'X-API-Key', headers }."),
            new("timeout_seconds", "integer", "Per-request time limit (tools.http_request.timeout_seconds)."),
            new("follow_redirects", "boolean", "Follow redirects (each hop policy-checked).", Default: true),
            new("retry", "object", "{ max_attempts = 3, initial_delay_ms = 1000, max_delay_ms = 30000, backoff_factor = 2.0, retry_on_status = {429, 502, 503, 504} }."),
            new("response_type", "string", "How to decode the body.", Default: "auto", Enum: ["auto", "json", "text", "base64"]),
        ],
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var config = services.Config;
        var method = WebParams.Method(request, WebParams.AllMethods, "GET");
        var url = AppendQuery(WebParams.Url(request), request);
        var headers = new List<KeyValuePair<string, string>>();
        if (config.GetSection("tools.http_request.default_headers") is { } defaults)
        {
            headers.AddRange(defaults.Select(kv => new KeyValuePair<string, string>(kv.Key, WebParams.Text(kv.Value))));
        }

        foreach (var header in WebParams.StringMap(request, "headers").Concat(AuthHeaders(request["auth"])))
        {
            headers.RemoveAll(h => h.Key.Equals(header.Key, StringComparison.OrdinalIgnoreCase));
            headers.Add(header);
        }

        var body = WebParams.Body(request["body"], headers);
        var maxRequest = config.GetInt("tools.http_request.max_request_size", 10_000_000);
        if (body is not null && body.Length > maxRequest)
        {
            throw ToolFailureException.InvalidParameters($"request body is {body.Length} bytes, exceeding tools.http_request.max_request_size ({maxRequest})");
        }

        var responseType = (request.String("response_type") ?? "auto").Trim().ToLowerInvariant();
        if (responseType is not ("auto" or "json" or "text" or "base64"))
        {
            throw ToolFailureException.InvalidParameters($"parameter 'response_type': expected one of auto, json, text, base64, got '{responseType}'");
        }

        var net = new NetRequest
        {
            Url = url,
            Method = method,
            Headers = headers,
            Body = body,
            Timeout = WebParams.Seconds(request, "timeout_seconds", config.GetInt("tools.http_request.timeout_seconds", 30)),
            FollowRedirects = request.Flag("follow_redirects", true),
            MaxRedirects = (int)config.GetInt("tools.http_request.max_redirects", 5),
            HostRules = new HostRules(config.GetStrings("tools.http_request.allowed_hosts"), config.GetStrings("tools.http_request.blocked_hosts")),
        };
        var gateway = NetworkServices.Gateway(services);
        gateway.Policy.Check(url, net.HostRules);
        var retries = 0;
        var pipeline = RetrySettings.From(request["retry"]).Build(services.Time, () => retries++);
        var started = services.Time.GetTimestamp();
        NetResponse response;
        try
        {
            response = await pipeline.ExecuteAsync(async ct => await gateway.SendAsync(net, ct), cancellationToken);
        }
        catch (NetworkException ex)
        {
            throw ex.ToToolFailure();
        }

        var (decoded, isJson, encoding) = WebParams.DecodeBody(response, responseType);
        var result = new JsonObject
        {
            ["status_code"] = response.StatusCode,
            ["status_text"] = response.StatusText,
            ["headers"] = response.Headers,
            ["body"] = decoded,
            ["body_is_json"] = isJson,
        };
        if (encoding is not null)
        {
            result["body_encoding"] = encoding;
        }

        result["url"] = response.FinalUrl;
        result["elapsed_ms"] = (long)services.Time.GetElapsedTime(started).TotalMilliseconds;
        result["timestamp"] = WebParams.Timestamp(services.Time);
        if (retries > 0)
        {
            result["retry_count"] = retries;
        }

        return Envelope.Success("request", $"HTTP {method} request to {url} completed with status {response.StatusCode}", result);
    }

    private static string AppendQuery(string url, ToolRequest request)
    {
        var query = WebParams.StringMap(request, "query");
        if (query.Count == 0)
        {
            return url;
        }

        var sb = new StringBuilder();
        foreach (var (k, v) in query)
        {
            sb.Append(sb.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(k)).Append('=').Append(Uri.EscapeDataString(v));
        }

        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash >= 0 ? url[hash..] : "";
        var baseUrl = hash >= 0 ? url[..hash] : url;
        return baseUrl + (baseUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + sb + fragment;
    }

    private static IEnumerable<KeyValuePair<string, string>> AuthHeaders(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        if (node is not JsonObject auth)
        {
            throw ToolFailureException.InvalidParameters("parameter 'auth': expected object");
        }

        var type = (WebParams.Text(auth["type"]) is { Length: > 0 } t ? t : "none").Trim().ToLowerInvariant();
        switch (type)
        {
            case "none":
                yield break;
            case "basic":
                var pair = $"{WebParams.Text(auth["username"])}:{WebParams.Text(auth["password"])}";
                yield return new("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
                break;
            case "bearer":
                yield return new("Authorization", "Bearer " + Require(auth, "token"));
                break;
            case "api_key":
                var name = WebParams.Text(auth["header_name"]) is { Length: > 0 } h ? h : "X-API-Key";
                yield return new(name, Require(auth, "key"));
                break;
            case "custom":
                if (auth["headers"] is JsonObject custom)
                {
                    foreach (var (k, v) in custom)
                    {
                        yield return new(k, WebParams.Text(v));
                    }
                }

                break;
            default:
                throw ToolFailureException.InvalidParameters($"parameter 'auth.type': expected one of none, basic, bearer, api_key, custom, got '{type}'");
        }
    }

    private static string Require(JsonObject auth, string field) =>
        WebParams.Text(auth[field]) is { Length: > 0 } v ? v : throw ToolFailureException.InvalidParameters($"parameter 'auth.{field}' is required for this auth type");
}
