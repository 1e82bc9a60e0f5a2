using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Network;
using LlmSpell.Values;

namespace LlmSpell.Tools.Web;

/// <summary>api_tester (tools.md §5.32): one request plus assertions on status, body and timing.</summary>
internal sealed class ApiTesterTool(ToolServices services) : ITool
{
    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "api_tester",
        Description = "Send one HTTP request and check assertions on the status code, body text and response time.",
        Category = "web",
        SecurityLevel = "restricted",
        RequiresNetwork = true,
        Parameters =
        [
            new("input", "string", "URL to test.", Required: true, Aliases: ["url"]),
            new("method", "string", "HTTP method.", Default: "GET", Enum: WebParams.AllMethods),
            new("headers", "object", "Request headers."),
            new("body", "any", "Body: a table is sent as JSON, a string as-is."),
            new("timeout", "integer", "Seconds.", Default: 30),
            new("expected_status", "any", "Assertion: expected status code (integer) or list of codes."),
            new("expected_body_contains", "string", "Assertion: text the body must contain."),
            new("max_response_time_ms", "integer", "Assertion: upper bound of the response time."),
        ],
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var url = WebParams.Url(request);
        var method = WebParams.Method(request, WebParams.AllMethods, "GET");
        var headers = WebParams.StringMap(request, "headers");
        var body = WebParams.Body(request["body"], headers);
        var timeout = WebParams.Seconds(request, "timeout", 30);
        var expectedStatus = ExpectedStatus(request["expected_status"]);
        var response = await NetworkServices.Gateway(services).SendOrRaiseAsync(new NetRequest
        {
            Url = url,
            Method = method,
            Headers = headers,
            Body = body,
            Timeout = timeout,
        }, cancellationToken);
        var (decoded, isJson) = WebParams.TextOrJson(response);
        var assertions = new JsonArray();
        if (expectedStatus is not null)
        {
            JsonNode expected = expectedStatus.Count == 1 ? expectedStatus[0] : new JsonArray([.. expectedStatus.Select(s => (JsonNode)s)]);
            assertions.Add((JsonNode)Assertion("status_code", expectedStatus.Contains(response.StatusCode), expected, response.StatusCode));
        }

        if (request.String("expected_body_contains") is { } needle)
        {
            var text = response.Text;
            assertions.Add((JsonNode)Assertion("body_contains", text.Contains(needle, StringComparison.Ordinal), needle, text.Length > 200 ? text[..200] + "…" : text));
        }

        if (request.Integer("max_response_time_ms") is { } maxMs)
        {
            assertions.Add((JsonNode)Assertion("response_time", response.ElapsedMs <= maxMs, maxMs, response.ElapsedMs));
        }

        var passed = assertions.All(a => a?["passed"]?.GetValue<bool>() == true);
        var result = new JsonObject
        {
            ["request"] = new JsonObject { ["method"] = method, ["url"] = url, ["timeout"] = (long)timeout.TotalSeconds },
            ["response"] = new JsonObject
            {
                ["status_code"] = response.StatusCode,
                ["status_text"] = response.StatusText,
                ["is_success"] = response.IsSuccess,
                ["headers"] = response.Headers,
                ["body"] = decoded,
                ["body_is_json"] = isJson,
            },
            ["timing"] = new JsonObject { ["duration_ms"] = response.ElapsedMs, ["duration_secs"] = response.ElapsedMs / 1000.0 },
            ["assertions"] = assertions,
            ["passed"] = passed,
        };
        var failedCount = assertions.Count(a => a?["passed"]?.GetValue<bool>() != true);
        var message = $"{method} {url} returned {response.StatusCode} in {response.ElapsedMs} ms; "
            + (assertions.Count == 0 ? "no assertions" : failedCount == 0 ? $"all {assertions.Count} assertions passed" : $"{failedCount} of {assertions.Count} assertions failed");
        return Envelope.Success("test", message, result);
    }

    private static JsonObject Assertion(string name, bool passed, JsonNode expected, JsonNode actual) =>
        new() { ["name"] = name, ["passed"] = passed, ["expected"] = expected, ["actual"] = actual };

    private static List<int>? ExpectedStatus(JsonNode? node) => node switch
    {
        null => null,
        JsonArray arr => [.. arr.Select(n => (int)(JsonValues.AsInteger(n) ?? throw ToolFailureException.InvalidParameters("parameter 'expected_status': expected integers")))],
        _ when JsonValues.AsInteger(node) is { } code => [(int)code],
        _ => throw ToolFailureException.InvalidParameters($"parameter 'expected_status': expected integer or array, got {JsonValues.ScriptTypeName(node)}"),
    };
}
