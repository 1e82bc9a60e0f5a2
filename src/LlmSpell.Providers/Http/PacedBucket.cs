namespace LlmSpell.Providers.Http;

/// <summary>
/// A token bucket on a <see cref="TimeProvider"/>: callers reserve permits in arrival order and
/// wait until the bucket has refilled enough (the balance may go negative, which queues later
/// callers behind earlier ones). Hand-written because System.Threading.RateLimiting's token bucket
/// reads the wall clock when replenishing, even with manual replenishment, so it cannot follow a
/// fake clock in tests or the run's TimeProvider.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class PacedBucket(double perSecond, double capacity, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly double _capacity = capacity;
    private double _tokens = capacity;
    private long _last = time.GetTimestamp();

    public double Capacity => _capacity;

    /// <summary>Reserves <paramref name="permits"/> and waits until they are available.</summary>
    public async Task AcquireAsync(double permits, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(_capacity, _tokens + (time.GetElapsedTime(_last, now).TotalSeconds * perSecond));
            _last = now;
            _tokens -= permits;
            wait = _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / perSecond);
        }

        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                _tokens += permits;
            }

            throw;
        }
    }
}
