using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Providers.Configuration;

namespace LlmSpell.Providers.Http;

/// <summary>
/// The HTTP end of a provider's pipeline, placed under the vendor SDK's HttpClient so every SDK
/// request (OpenAI, Anthropic, Ollama) gets the same rate limiting, breaker, retries and timeout.
/// Also applies <c>extra_headers</c>/<c>extra_body</c> and drops the bearer header when an
/// OpenAI-compatible server needs no key.
/// </summary>
internal sealed class ResilienceHandler(ProviderSettings settings, ProviderPipeline pipeline, HttpMessageHandler? transport = null)
    : DelegatingHandler(transport ?? new SocketsHttpHandler())
{
    /// <summary>Placeholder key given to the OpenAI SDK (which insists on one) when no key is configured.</summary>
    internal const string NoKey = "llmspell-no-key";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Read without parsing (the typed Authorization property parses the header on every request).
        if (request.Headers.NonValidated.TryGetValues("Authorization", out var auth) && auth.ToString().EndsWith(NoKey, StringComparison.Ordinal))
        {
            request.Headers.Authorization = null;
        }

        if (settings.Protocol == "anthropic")
        {
            AnthropicAuth(request);
        }

        foreach (var (k, v) in settings.ExtraHeaders)
        {
            request.Headers.Remove(k);
            request.Headers.TryAddWithoutValidation(k, v);
        }

        var estimate = 0;
        if (request.Content is not null)
        {
            // Buffer the body so retries can resend it, and estimate tokens for the token limit.
            var body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if ((settings.ExtraBody is not null || NeedsMaxTokens(body)) && TryRewrite(body, settings.ExtraBody) is { } merged)
            {
                body = merged;
            }

            var type = request.Content.Headers.ContentType;
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = type ?? new MediaTypeHeaderValue("application/json");
            estimate = body.Length / 4;
        }

        var response = await pipeline.SendAsync(ct => base.SendAsync(request, ct), estimate, cancellationToken).ConfigureAwait(false);
        if (StreamHealth.Current is { } health)
        {
            var original = response.Content;
            var watched = new StreamContent(new WatchedStream(await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), health));
            foreach (var h in original.Headers)
            {
                watched.Headers.TryAddWithoutValidation(h.Key, h.Value);
            }

            response.Content = watched;
        }

        return response;
    }

    /// <summary>
    /// The Anthropic API authenticates with <c>x-api-key</c> and <c>anthropic-version</c>
    /// (behaviours.md §1.1). The SDK version we use sends the key as a bearer token and a newer
    /// version date, so the key is moved to <c>x-api-key</c> and the configured version applied.
    /// </summary>
    private void AnthropicAuth(HttpRequestMessage request)
    {
        if (request.Headers.Authorization is { Scheme: "Bearer", Parameter: { Length: > 0 } key })
        {
            request.Headers.Authorization = null;
            request.Headers.Remove("x-api-key");
            request.Headers.TryAddWithoutValidation("x-api-key", key);
        }

        request.Headers.Remove("anthropic-version");
        request.Headers.TryAddWithoutValidation("anthropic-version", settings.ApiVersion);
    }

    /// <summary>
    /// The OpenAI SDK always sends <c>max_completion_tokens</c>; behaviours.md §1.1 sends
    /// <c>max_tokens</c> except for reasoning models (o1, o3, o4, gpt-5), which OpenAI-compatible
    /// servers expect too. Agents already send <c>max_tokens</c> (a patch on the SDK's request,
    /// RequestParameters.ApplyExtras); this rewrite covers any other request that carries it.
    /// </summary>
    private bool NeedsMaxTokens(byte[] body) =>
        settings.Protocol == "openai" && body.AsSpan().IndexOf("\"max_completion_tokens\""u8) >= 0;

    private byte[]? TryRewrite(byte[] body, JsonObject? extra)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject o)
            {
                return null;
            }

            if (settings.Protocol == "openai" && o["max_completion_tokens"] is { } limit && !ModelCapabilities.IsReasoningModel(o["model"]?.ToString()))
            {
                o.Remove("max_completion_tokens");
                o["max_tokens"] = limit;
            }

            foreach (var (k, v) in extra ?? [])
            {
                o[k] = v?.DeepClone();
            }

            return Encoding.UTF8.GetBytes(o.ToJsonString());
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
