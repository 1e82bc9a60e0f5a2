using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Network;
using LlmSpell.Values;

namespace LlmSpell.Tools.Web;

/// <summary>Parameter and response helpers shared by the web tools.</summary>
internal static class WebParams
{
    public static readonly string[] AllMethods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    /// <summary>The URL parameter (<c>input</c>, alias <c>url</c>).</summary>
    public static string Url(ToolRequest request, string name = "input", string alias = "url") =>
        request.String(name) ?? request.String(alias) ?? throw ToolFailureException.InvalidParameters($"missing required parameter '{name}'");

    public static string Method(ToolRequest request, IReadOnlyList<string> allowed, string fallback)
    {
        var method = (request.String("method") ?? fallback).Trim().ToUpperInvariant();
        return allowed.Contains(method)
            ? method
            : throw ToolFailureException.InvalidParameters($"parameter 'method': expected one of {string.Join(", ", allowed)}, got '{request.String("method")}'");
    }

    /// <summary>A map parameter of strings (numbers and booleans use their text).</summary>
    public static List<KeyValuePair<string, string>> StringMap(ToolRequest request, string name)
    {
        var node = request[name];
        if (node is null || node is JsonObject { Count: 0 } || node is JsonArray { Count: 0 })
        {
            return [];
        }

        if (node is not JsonObject obj)
        {
            throw ToolFailureException.InvalidParameters($"parameter '{name}': expected object, got {JsonValues.ScriptTypeName(node)}");
        }

        return [.. obj.Select(kv => new KeyValuePair<string, string>(kv.Key, Text(kv.Value)))];
    }

    public static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when JsonValues.AsString(v) is { } s => s,
        _ => JsonText.Compact(value),
    };

    /// <summary>Seconds parameter as a TimeSpan, validated positive.</summary>
    public static TimeSpan Seconds(ToolRequest request, string name, long fallback)
    {
        var node = request[name];
        if (node is not null && !JsonValues.IsNumber(node))
        {
            throw ToolFailureException.InvalidParameters($"parameter '{name}': expected integer, got {JsonValues.ScriptTypeName(node)}");
        }

        var seconds = request.Number(name) ?? fallback;
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : throw ToolFailureException.InvalidParameters($"parameter '{name}' must be positive");
    }

    /// <summary>A body parameter: a table becomes JSON (and sets the content type), a string is sent as-is.</summary>
    public static byte[]? Body(JsonNode? body, List<KeyValuePair<string, string>> headers)
    {
        switch (body)
        {
            case null:
                return null;
            case JsonValue v when JsonValues.AsString(v) is { } s:
                return Encoding.UTF8.GetBytes(s);
            default:
                if (!headers.Any(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
                {
                    headers.Add(new("Content-Type", "application/json"));
                }

                return Encoding.UTF8.GetBytes(body.ToJsonString());
        }
    }

    public static bool IsJsonType(string? contentType) =>
        contentType is not null && (contentType.Contains("application/json", StringComparison.OrdinalIgnoreCase) || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    public static bool IsTextType(string? contentType) =>
        contentType is null || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("javascript", StringComparison.OrdinalIgnoreCase) || contentType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses JSON text, or null when it is not JSON.</summary>
    public static JsonNode? TryJson(string text, out bool ok)
    {
        ok = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var node = JsonText.Parse(text);
            ok = true;
            return node;
        }
        catch (JsonParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// The body as tools.md §5.14 describes: <c>auto</c> parses JSON types, keeps text types as strings
    /// and Base64-encodes the rest. Returns (body, body_is_json, encoding).
    /// </summary>
    public static (JsonNode? Body, bool IsJson, string? Encoding) DecodeBody(NetResponse response, string responseType)
    {
        switch (responseType)
        {
            case "base64":
                return (Convert.ToBase64String(response.Body), false, "base64");
            case "text":
                return (response.Text, false, null);
            case "json":
                var parsed = TryJson(response.Text, out var ok);
                return ok ? (parsed, true, null) : throw ToolFailureException.Failed($"response from {response.FinalUrl} is not valid JSON");
            default:
                if (IsJsonType(response.ContentType))
                {
                    var node = TryJson(response.Text, out var isJson);
                    return isJson ? (node, true, null) : (response.Text, false, null);
                }

                return response.Body.Length == 0 || IsTextType(response.ContentType)
                    ? (response.Text, false, null)
                    : (Convert.ToBase64String(response.Body), false, "base64");
        }
    }

    /// <summary>The body for tools that do not offer response_type: JSON parsed when possible, else text.</summary>
    public static (JsonNode? Body, bool IsJson) TextOrJson(NetResponse response)
    {
        var text = response.Text;
        if (IsJsonType(response.ContentType))
        {
            var node = TryJson(text, out var ok);
            if (ok)
            {
                return (node, true);
            }
        }

        return (text, false);
    }

    public static string Timestamp(TimeProvider time) => time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}
