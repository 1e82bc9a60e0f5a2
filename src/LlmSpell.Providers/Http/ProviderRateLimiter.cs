using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;

namespace LlmSpell.Providers.Http;

/// <summary>
/// Client-side request and token limits of one provider (token buckets from
/// System.Threading.RateLimiting), adapting to what the provider reports: <c>Retry-After</c> on 429
/// and <c>x-ratelimit-remaining-*</c>/<c>x-ratelimit-reset-*</c> (or Anthropic's
/// <c>anthropic-ratelimit-*</c>) pause every caller until the reset. Replenishment is driven by the
/// <see cref="TimeProvider"/> so tests can use a fake clock.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class ProviderRateLimiter : IDisposable
{
    private readonly string _provider;
    private readonly TimeProvider _time;
    private readonly IProviderEvents _events;
    private readonly (TokenBucketRateLimiter Limiter, int Capacity, ITimer Timer)? _requests;
    private readonly (TokenBucketRateLimiter Limiter, int Capacity, ITimer Timer)? _tokens;
    private readonly object _gate = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public ProviderRateLimiter(string provider, int? requestsPerMinute, int? tokensPerMinute, TimeProvider time, IProviderEvents events)
    {
        _provider = provider;
        _time = time;
        _events = events;
        if (requestsPerMinute is > 0 and var rpm)
        {
            _requests = Bucket(rpm, 1);
        }

        if (tokensPerMinute is > 0 and var tpm)
        {
            _tokens = Bucket(tpm, Math.Max(1, tpm / 60));
        }
    }

    /// <summary>True when a request or token limit is configured.</summary>
    public bool Enabled => _requests is not null || _tokens is not null;

    /// <summary>Waits for a request slot (and <paramref name="estimatedTokens"/> token budget) and any provider-imposed pause.</summary>
    public async Task AcquireAsync(int estimatedTokens, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            wait = _pausedUntil - _time.GetUtcNow();
        }

        if (wait > TimeSpan.Zero)
        {
            _events.Publish("provider.rate_limited", new JsonObject { ["provider"] = _provider, ["wait_ms"] = (long)wait.TotalMilliseconds });
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }

        if (_requests is { } requests)
        {
            using var lease = await requests.Limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }

        if (_tokens is { } tokens && estimatedTokens > 0)
        {
            using var lease = await tokens.Limiter.AcquireAsync(Math.Min(estimatedTokens, tokens.Capacity), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Adapts to the provider's rate-limit headers (and Retry-After on 429).</summary>
    public void Observe(HttpResponseHeaders headers, int status)
    {
        var now = _time.GetUtcNow();
        TimeSpan? pause = null;
        if (status == 429)
        {
            pause = RetryDelays.RetryAfter(headers, now);
        }

        foreach (var (remaining, reset) in new[]
        {
            ("x-ratelimit-remaining-requests", "x-ratelimit-reset-requests"),
            ("x-ratelimit-remaining-tokens", "x-ratelimit-reset-tokens"),
            ("anthropic-ratelimit-requests-remaining", "anthropic-ratelimit-requests-reset"),
        })
        {
            if (headers.TryGetValues(remaining, out var r) && r.FirstOrDefault() is { } rv
                && long.TryParse(rv, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left) && left <= 0
                && headers.TryGetValues(reset, out var s) && RetryDelays.ParseReset(s.FirstOrDefault(), now) is { } until)
            {
                pause = pause is null || until > pause ? until : pause;
            }
        }

        if (pause is { } p && p > TimeSpan.Zero)
        {
            lock (_gate)
            {
                var candidate = now + p;
                if (candidate > _pausedUntil)
                {
                    _pausedUntil = candidate;
                }
            }
        }
    }

    public void Dispose()
    {
        foreach (var b in new[] { _requests, _tokens })
        {
            if (b is { } bucket)
            {
                bucket.Timer.Dispose();
                bucket.Limiter.Dispose();
            }
        }
    }

    /// <summary>
    /// A bucket refilled by a <see cref="TimeProvider"/> timer: one permit every 60/<paramref name="perMinute"/>
    /// seconds, or (above ten a second) a batch every 100 ms, so the delivered rate stays at the
    /// configured one. Burst capacity is <paramref name="burst"/> (at least one refill).
    /// </summary>
    private (TokenBucketRateLimiter, int, ITimer) Bucket(int perMinute, int burst)
    {
        var period = TimeSpan.FromMinutes(1) / perMinute;
        var perPeriod = 1;
        if (period < TimeSpan.FromMilliseconds(100))
        {
            period = TimeSpan.FromMilliseconds(100);
            perPeriod = Math.Max(1, (int)Math.Round(perMinute / 600.0));
        }

        var capacity = Math.Max(burst, perPeriod);
        var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = capacity,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        var timer = _time.CreateTimer(static l => ((TokenBucketRateLimiter)l!).TryReplenish(), limiter, period, period);
        return (limiter, capacity, timer);
    }
}
