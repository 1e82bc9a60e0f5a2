using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Network;

namespace LlmSpell.Tools.Web;

/// <summary>
/// webhook_caller (tools.md §5.33): JSON deliveries with HMAC signatures, retries with jittered
/// backoff, a per-endpoint circuit breaker and optional batching. Transport failures are failure
/// envelopes, never raised, so a webhook to an unreachable service cannot end a script (C26).
/// </summary>
internal sealed class WebhookCallerTool(ToolServices services) : ITool
{
    private static readonly string[] Methods = ["POST", "PUT", "PATCH", "GET", "DELETE"];

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "webhook_caller",
        Description = "Deliver a JSON payload to a webhook with retries (5xx, 429 with Retry-After, timeouts, connection failures; backoff 500 ms x 2^(n-1) with jitter, capped at 10 s), "
            + "a per-endpoint circuit breaker, optional HMAC-SHA256 signing (header 'sha256=<hex>' of the body; delivery time in X-Webhook-Timestamp) and optional batching of events.",
        Category = "web",
        SecurityLevel = "restricted",
        RequiresNetwork = true,
        Parameters =
        [
            new("input", "string", "Webhook URL.", Required: true, Aliases: ["url"]),
            new("payload", "any", "JSON body (default {}).", Default: new JsonObject()),
            new("method", "string", "HTTP method.", Default: "POST", Enum: Methods),
            new("headers", "object", "Extra request headers."),
            new("max_retries", "integer", "Retries after the first attempt (0..10; default tools.network.max_retries = 3)."),
            new("timeout", "integer", "Seconds per attempt.", Default: 30),
            new("secret", "string", "HMAC-SHA256 key: adds the signature header (sha256=<hex> HMAC-SHA256 of the body) and X-Webhook-Timestamp."),
            new("signature_header", "string", "Name of the signature header.", Default: WebhookSigner.DefaultSignatureHeader),
            new("events", "array", "Batching: a list of payloads sent as JSON arrays (one POST per batch, each with its own retries); 'payload' is then ignored."),
            new("batch_size", "integer", "Events per batch when 'events' is given (1..1000).", Default: 100),
            new("retry_base_delay_ms", "integer", "Base of the retry backoff in milliseconds.", Default: 500),
        ],
        DefaultTimeout = TimeSpan.FromMinutes(5),
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var url = WebParams.Url(request);
        var method = WebParams.Method(request, Methods, "POST");
        var maxRetries = (int)(request.Integer("max_retries") ?? services.Config.GetInt("tools.network.max_retries", 3));
        if (maxRetries is < 0 or > 10)
        {
            throw ToolFailureException.InvalidParameters($"parameter 'max_retries' must be between 0 and 10, got {maxRetries}");
        }

        var gateway = NetworkServices.Gateway(services);
        var uri = gateway.Policy.Check(url);
        var headers = WebParams.StringMap(request, "headers");
        headers.RemoveAll(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase));
        headers.Add(new("Content-Type", "application/json"));
        var secret = request.String("secret");
        var signatureHeader = request.String("signature_header") is { Length: > 0 } sh ? sh : WebhookSigner.DefaultSignatureHeader;
        var delivery = new WebhookDelivery(gateway, Circuits(), services.Time, maxRetries, BaseDelay(request));
        var timeout = WebParams.Seconds(request, "timeout", 30);

        NetRequest Sign(NetRequest r)
        {
            if (string.IsNullOrEmpty(secret))
            {
                return r;
            }

            var ts = services.Time.GetUtcNow().ToUnixTimeSeconds();
            var signed = r.Headers.Where(h => !h.Key.Equals(signatureHeader, StringComparison.OrdinalIgnoreCase) && !h.Key.Equals(WebhookSigner.TimestampHeader, StringComparison.OrdinalIgnoreCase)).ToList();
            signed.Add(new(WebhookSigner.TimestampHeader, ts.ToString(CultureInfo.InvariantCulture)));
            signed.Add(new(signatureHeader, WebhookSigner.Sign(secret, r.Body ?? [])));
            return r with { Headers = signed };
        }

        NetRequest Build(JsonNode? payload) => new()
        {
            Url = url,
            Method = method,
            Headers = headers,
            Body = Encoding.UTF8.GetBytes(payload?.ToJsonString() ?? "null"),
            Timeout = timeout,
        };

        if (request.Array("events") is { } events)
        {
            return await SendBatchesAsync(request, url, uri, events, maxRetries, delivery, Build, Sign, cancellationToken);
        }

        if (request["events"] is { } bad)
        {
            throw ToolFailureException.InvalidParameters($"parameter 'events': expected array, got {Values.JsonValues.ScriptTypeName(bad)}");
        }

        var outcome = await delivery.SendAsync(Build(request["payload"]?.DeepClone() ?? new JsonObject()), uri, Sign, cancellationToken);
        return outcome.Response is { } response
            ? Envelope.Success("call", $"Webhook {method} to {url} returned status {response.StatusCode}", SuccessResult(url, outcome, response))
            : Envelope.Failure("call", outcome.Error!, outcome.ErrorCode!, FailureResult(url, outcome, maxRetries));
    }

    private async Task<ComponentOutput> SendBatchesAsync(ToolRequest request, string url, Uri uri, JsonArray events, int maxRetries, WebhookDelivery delivery,
        Func<JsonNode?, NetRequest> build, Func<NetRequest, NetRequest> sign, CancellationToken cancellationToken)
    {
        var size = (int)(request.Integer("batch_size") ?? 100);
        if (size is < 1 or > 1000)
        {
            throw ToolFailureException.InvalidParameters($"parameter 'batch_size' must be between 1 and 1000, got {size}");
        }

        var batches = new JsonArray();
        var allOk = true;
        var totalRetries = 0;
        foreach (var chunk in events.Chunk(size))
        {
            var body = new JsonArray([.. chunk.Select(e => e?.DeepClone())]);
            var outcome = await delivery.SendAsync(build(body), uri, sign, cancellationToken);
            totalRetries += outcome.Retries;
            if (outcome.Response is not { } response)
            {
                var failed = FailureResult(url, outcome, maxRetries);
                failed["retry_count"] = totalRetries;
                failed["batches_sent"] = batches.Count;
                failed["batches"] = batches;
                return Envelope.Failure("call", outcome.Error!, outcome.ErrorCode!, failed);
            }

            allOk &= response.IsSuccess;
            var item = SuccessResult(url, outcome, response);
            item["event_count"] = chunk.Length;
            batches.Add((JsonNode)item);
        }

        var result = new JsonObject
        {
            ["success"] = allOk,
            ["webhook_url"] = url,
            ["event_count"] = events.Count,
            ["batch_count"] = batches.Count,
            ["retry_count"] = totalRetries,
            ["batches"] = batches,
        };
        return Envelope.Success("call", $"Delivered {events.Count} events to {url} in {batches.Count} batches", result);
    }

    private static JsonObject SuccessResult(string url, DeliveryOutcome outcome, NetResponse response)
    {
        var (body, isJson) = WebParams.TextOrJson(response);
        var resp = new JsonObject { ["body"] = response.Text };
        if (isJson)
        {
            resp["json"] = body;
        }

        resp["headers"] = response.Headers;
        resp["body_is_json"] = isJson;
        return new JsonObject
        {
            ["success"] = response.IsSuccess,
            ["webhook_url"] = url,
            ["status_code"] = response.StatusCode,
            ["status_text"] = response.StatusText,
            ["response"] = resp,
            ["response_time_ms"] = outcome.ElapsedMs,
            ["retry_count"] = outcome.Retries,
            ["retries_attempted"] = outcome.Retries,
        };
    }

    private static JsonObject FailureResult(string url, DeliveryOutcome outcome, int maxRetries)
    {
        var result = new JsonObject
        {
            ["success"] = false,
            ["webhook_url"] = url,
            ["error"] = outcome.Error,
            ["max_retries"] = maxRetries,
            ["retry_count"] = outcome.Retries,
        };
        if (outcome.CircuitOpen)
        {
            result["circuit_open"] = true;
        }

        return result;
    }

    /// <summary><c>retry_base_delay_ms</c>: the backoff base (500 ms by default; tests and impatient scripts shorten it).</summary>
    private static TimeSpan? BaseDelay(ToolRequest request) =>
        request.Number("retry_base_delay_ms") is { } ms and >= 0 ? TimeSpan.FromMilliseconds(ms) : null;

    private WebhookCircuits Circuits() => NetworkServices.Shared(services, s => new WebhookCircuits(s.Time));
}
