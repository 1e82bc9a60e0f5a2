namespace LlmSpell.Tools.Web;

/// <summary>
/// webhook_caller's retry delay (tools.md §5.33): 500 ms × 2^(attempt−1), ±20 % jitter so many
/// callers do not retry in lock-step, capped at 10 s; a Retry-After from the server wins (capped at 60 s).
/// </summary>
internal static class WebhookBackoff
{
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan RetryAfterCap = TimeSpan.FromSeconds(60);

    /// <param name="attempt">1 for the first retry.</param>
    /// <param name="retryAfter">The server's Retry-After, if any.</param>
    /// <param name="unitRandom">A number in [0, 1) (Random.Shared.NextDouble() in production).</param>
    /// <param name="baseDelay">500 ms unless overridden.</param>
    public static TimeSpan Delay(int attempt, TimeSpan? retryAfter, double unitRandom, TimeSpan? baseDelay = null)
    {
        if (retryAfter is { } after)
        {
            return after > RetryAfterCap ? RetryAfterCap : after;
        }

        var ms = (baseDelay ?? TimeSpan.FromMilliseconds(500)).TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var jittered = ms * (0.8 + (0.4 * unitRandom));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, Cap.TotalMilliseconds));
    }
}
