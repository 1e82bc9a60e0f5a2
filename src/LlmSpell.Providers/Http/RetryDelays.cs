using System.Globalization;
using System.Net.Http.Headers;

namespace LlmSpell.Providers.Http;

/// <summary>Retry delays of behaviours.md §1.7: Retry-After (capped at 60 s) or exponential backoff with ±20 % jitter.</summary>
public static class RetryDelays
{
    private static readonly TimeSpan RetryAfterCap = TimeSpan.FromSeconds(60);

    /// <summary>True for statuses that are retried: 408, 429, 500, 502, 503, 504, 529.</summary>
    public static bool IsRetryable(int status) => status is 408 or 429 or 500 or 502 or 503 or 504 or 529;

    /// <summary>Delay before retry number <paramref name="attempt"/> (0-based).</summary>
    public static TimeSpan Backoff(int attempt, TimeSpan initial, TimeSpan max, double random)
    {
        var baseMs = initial.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 20));
        var jittered = baseMs * (0.8 + (0.4 * random));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, max.TotalMilliseconds));
    }

    /// <summary>The Retry-After delay of a response (seconds or HTTP date), capped at 60 s; null when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var ra = headers.RetryAfter;
        TimeSpan? delay = ra?.Delta ?? (ra?.Date is { } date ? date - now : null);
        if (delay is null && headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var m))
        {
            delay = TimeSpan.FromMilliseconds(m);
        }

        if (delay is null)
        {
            return null;
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > RetryAfterCap ? RetryAfterCap : delay;
    }

    /// <summary>Parses OpenAI-style reset durations ("1s", "6m0s", "250ms") and RFC 3339 dates (Anthropic).</summary>
    public static TimeSpan? ParseReset(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && value.Contains('-', StringComparison.Ordinal))
        {
            return at - now;
        }

        var total = 0.0;
        var number = "";
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsDigit(c) || c == '.')
            {
                number += c;
                continue;
            }

            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }

            if (c == 'm' && i + 1 < value.Length && value[i + 1] == 's')
            {
                total += n / 1000;
                i++;
            }
            else
            {
                total += c switch { 'h' => n * 3600, 'm' => n * 60, 's' => n, _ => 0 };
            }

            number = "";
        }

        if (number.Length > 0 && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var bare))
        {
            total += bare;
        }

        return TimeSpan.FromSeconds(total);
    }
}
