using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using LlmSpell.Providers.Configuration;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace LlmSpell.Providers.Http;

/// <summary>
/// The one resilience pipeline of a provider (architecture.md): rate limit → circuit breaker →
/// retry honouring Retry-After → per-attempt timeout → the request. Retry and timeout are Polly
/// strategies; limits and the breaker are shared by every agent of the provider.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class ProviderPipeline : IDisposable
{
    private readonly ProviderSettings _settings;
    private readonly TimeProvider _time;
    private readonly IProviderEvents _events;
    private readonly ResiliencePipeline<HttpResponseMessage> _polly;

    public ProviderPipeline(ProviderSettings settings, TimeProvider time, IProviderEvents events)
    {
        _settings = settings;
        _time = time;
        _events = events;
        Limiter = new ProviderRateLimiter(settings.Name, settings.RequestsPerMinute, settings.TokensPerMinute, time, events);
        Breaker = new CircuitBreaker(settings.Name, settings.BreakerThreshold, settings.BreakDuration, time, events);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .HandleResult(r => RetryDelays.IsRetryable((int)r.StatusCode))
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>(),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    (args.Outcome.Result is { } r ? RetryDelays.RetryAfter(r.Headers, _time.GetUtcNow()) : null)
                    ?? RetryDelays.Backoff(args.AttemptNumber, settings.InitialRetryDelay, settings.MaxRetryDelay, Random.Shared.NextDouble())),
                OnRetry = args =>
                {
                    _events.Publish("provider.retry", new JsonObject
                    {
                        ["provider"] = settings.Name,
                        ["attempt"] = args.AttemptNumber + 1,
                        ["delay_ms"] = (long)args.RetryDelay.TotalMilliseconds,
                        ["cause"] = args.Outcome.Result is { } r ? $"HTTP {(int)r.StatusCode}" : args.Outcome.Exception?.Message,
                    });
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        _polly = builder.AddTimeout(settings.Timeout).Build();
    }

    public ProviderRateLimiter Limiter { get; }

    public CircuitBreaker Breaker { get; }

    /// <summary>HTTP attempts made so far (first tries and retries), for diagnostics and tests.</summary>
    public int Attempts => _attempts;

    private int _attempts;

    /// <summary>
    /// Sends through the pipeline. Returns a successful response; every failure becomes a
    /// <see cref="ProviderException"/> naming the provider and the cause.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(Func<CancellationToken, Task<HttpResponseMessage>> send, int estimatedTokens, CancellationToken cancellationToken)
    {
        await Limiter.AcquireAsync(estimatedTokens, cancellationToken).ConfigureAwait(false);
        Breaker.Enter();
        var retries = -1;
        HttpResponseMessage response;
        try
        {
            response = await _polly.ExecuteAsync(
                async ct =>
                {
                    retries++;
                    Interlocked.Increment(ref _attempts);
                    var r = await send(ct).ConfigureAwait(false);
                    Limiter.Observe(r.Headers, (int)r.StatusCode);
                    return r;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            Breaker.Failure();
            throw new ProviderException(_settings.Name,
                $"provider '{_settings.Name}' timed out after {_settings.Timeout.TotalSeconds:0.###} s ({Math.Max(0, retries)} retries)", unavailable: true, inner: ex);
        }
        catch (HttpRequestException ex)
        {
            Breaker.Failure();
            var cause = ex.InnerException is SocketException se ? Describe(se) : ex.Message;
            throw new ProviderException(_settings.Name, $"provider '{_settings.Name}' is not reachable at {_settings.BaseUrl}: {cause}", unavailable: true, inner: ex);
        }

        if (response.IsSuccessStatusCode)
        {
            Breaker.Success();
            return response;
        }

        var status = (int)response.StatusCode;
        var message = await ErrorMessage(response, cancellationToken).ConfigureAwait(false);
        response.Dispose();
        var retryable = RetryDelays.IsRetryable(status);
        if (retryable)
        {
            Breaker.Failure();
        }

        throw new ProviderException(_settings.Name, $"provider '{_settings.Name}' returned HTTP {status}: {message}", status, unavailable: retryable);
    }

    /// <summary>Runs a non-HTTP call (the mock provider) through the same pipeline, as a synthetic response.</summary>
    public Task<HttpResponseMessage> RunAsync(Func<HttpResponseMessage> produce, CancellationToken cancellationToken) =>
        SendAsync(_ => Task.FromResult(produce()), 0, cancellationToken);

    public void Dispose() => Limiter.Dispose();

    /// <summary>The provider's own error text: error.message (OpenAI, Anthropic), error (Ollama), else the body.</summary>
    internal static async Task<string> ErrorMessage(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            body = "";
        }

        try
        {
            if (JsonNode.Parse(body) is JsonObject o)
            {
                var text = o["error"] switch
                {
                    JsonObject e => e["message"]?.ToString(),
                    JsonValue v => v.ToString(),
                    _ => o["message"]?.ToString(),
                };
                if (!string.IsNullOrWhiteSpace(text))
                {
                    return text;
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: report the text itself.
        }

        body = body.Trim();
        return body.Length == 0 ? response.ReasonPhrase ?? "no details" : body.Length > 300 ? body[..300] + "…" : body;
    }

    private static string Describe(SocketException se) => se.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound => "host not found",
        SocketError.TimedOut => "connection timed out",
        _ => se.Message,
    };
}
