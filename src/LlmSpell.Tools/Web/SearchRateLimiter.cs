namespace LlmSpell.Tools.Web;

/// <summary>
/// web_search's own per-minute limit (tools.web_search.rate_limit_per_minute). A sliding window of
/// timestamps on the run's TimeProvider: a dozen lines, deterministic under FakeTimeProvider, and
/// with the exact "n per minute" semantics the spec states.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class SearchRateLimiter(TimeProvider time)
{
    private readonly Queue<DateTimeOffset> _recent = new();

    public bool TryAcquire(long perMinute)
    {
        if (perMinute <= 0)
        {
            return true;
        }

        lock (_recent)
        {
            var now = time.GetUtcNow();
            while (_recent.Count > 0 && now - _recent.Peek() >= TimeSpan.FromMinutes(1))
            {
                _recent.Dequeue();
            }

            if (_recent.Count >= perMinute)
            {
                return false;
            }

            _recent.Enqueue(now);
            return true;
        }
    }
}
