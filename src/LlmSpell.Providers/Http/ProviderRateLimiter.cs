using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace LlmSpell.Providers.Http;

/// <summary>
/// Client-side request and token limits of one provider (token buckets paced by the run's clock), adapting to what the provider reports: <c>Retry-After</c> on 429
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
    private readonly PacedBucket? _requests;
    private readonly PacedBucket? _tokens;
    private readonly object _gate = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private volatile bool _everPaused;

    private static readonly (string Remaining, string Reset)[] LimitHeaders =
    [
        ("x-ratelimit-remaining-requests", "x-ratelimit-reset-requests"),
        ("x-ratelimit-remaining-tokens", "x-ratelimit-reset-tokens"),
        ("anthropic-ratelimit-requests-remaining", "anthropic-ratelimit-requests-reset"),
    ];

    public ProviderRateLimiter(string provider, int? requestsPerMinute, int? tokensPerMinute, TimeProvider time, IProviderEvents events)
    {
        _provider = provider;
        _time = time;
        _events = events;
        if (requestsPerMinute is > 0 and var rpm)
        {
            // Burst of one: requests are spaced evenly at the configured rate.
            _requests = new PacedBucket(rpm / 60.0, 1, time);
        }

        if (tokensPerMinute is > 0 and var tpm)
        {
            // Burst of one second's worth of tokens.
            _tokens = new PacedBucket(tpm / 60.0, Math.Max(1, tpm / 60.0), time);
        }
    }

    /// <summary>True when a request or token limit is configured.</summary>
    public bool Enabled => _requests is not null || _tokens is not null;

    /// <summary>Waits for a request slot (and <paramref name="estimatedTokens"/> token budget) and any provider-imposed pause.</summary>
    public async Task AcquireAsync(int estimatedTokens, CancellationToken cancellationToken)
    {
        var wait = TimeSpan.Zero;
        if (_everPaused)
        {
            lock (_gate)
            {
                wait = _pausedUntil - _time.GetUtcNow();
            }
        }

        if (wait > TimeSpan.Zero)
        {
            _events.Publish("provider.rate_limited", new JsonObject { ["provider"] = _provider, ["wait_ms"] = (long)wait.TotalMilliseconds });
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }

        if (_requests is not null)
        {
            await _requests.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }

        if (_tokens is not null && estimatedTokens > 0)
        {
            await _tokens.AcquireAsync(Math.Min(estimatedTokens, _tokens.Capacity), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Adapts to the provider's rate-limit headers (and Retry-After on 429).</summary>
    public void Observe(HttpResponseHeaders headers, int status)
    {
        DateTimeOffset? clock = null;
        DateTimeOffset Now() => clock ??= _time.GetUtcNow();
        TimeSpan? pause = null;
        if (status == 429)
        {
            pause = RetryDelays.RetryAfter(headers, Now());
        }

        foreach (var (remaining, reset) in LimitHeaders)
        {
            if (headers.NonValidated.TryGetValues(remaining, out var r) && r.Count > 0
                && long.TryParse(First(r), NumberStyles.Integer, CultureInfo.InvariantCulture, out var left) && left <= 0
                && headers.NonValidated.TryGetValues(reset, out var s) && s.Count > 0 && RetryDelays.ParseReset(First(s), Now()) is { } until)
            {
                pause = pause is null || until > pause ? until : pause;
            }
        }

        if (pause is { } p && p > TimeSpan.Zero)
        {
            lock (_gate)
            {
                var candidate = Now() + p;
                if (candidate > _pausedUntil)
                {
                    _pausedUntil = candidate;
                    _everPaused = true;
                }
            }
        }
    }

    private static string? First(HeaderStringValues values)
    {
        foreach (var v in values)
        {
            return v;
        }

        return null;
    }

    public void Dispose()
    {
        // Nothing to release: buckets hold no timers.
    }
}
