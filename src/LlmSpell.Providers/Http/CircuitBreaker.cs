using System.Text.Json.Nodes;

namespace LlmSpell.Providers.Http;

/// <summary>
/// Per-provider breaker: after N consecutive failed calls it rejects calls for the break duration,
/// then lets one trial call through (behaviours.md §1.7). Hand-written because the spec counts
/// consecutive failures, which Polly v8's ratio-over-window breaker cannot express exactly.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class CircuitBreaker(string provider, int threshold, TimeSpan breakDuration, TimeProvider time, IProviderEvents events)
{
    private readonly object _gate = new();
    private int _failures;
    private DateTimeOffset? _openUntil;
    private bool _trialInFlight;

    /// <summary>"closed", "open" or "half-open".</summary>
    public string State
    {
        get
        {
            lock (_gate)
            {
                return _openUntil is null ? "closed" : time.GetUtcNow() < _openUntil ? "open" : "half-open";
            }
        }
    }

    /// <summary>Throws when the breaker is open; in half-open state admits one trial call.</summary>
    public void Enter()
    {
        lock (_gate)
        {
            if (_openUntil is not { } until)
            {
                return;
            }

            var now = time.GetUtcNow();
            if (now < until || _trialInFlight)
            {
                var wait = Math.Max(1, (int)Math.Ceiling(((until > now ? until : now + breakDuration) - now).TotalSeconds));
                throw new ProviderException(provider,
                    $"provider '{provider}' is unavailable after {threshold} consecutive failures; retrying after {wait} s", unavailable: true);
            }

            _trialInFlight = true;
            events.Publish("provider.circuit_half_open", new JsonObject { ["provider"] = provider });
        }
    }

    /// <summary>Records a successful call: closes the breaker.</summary>
    public void Success()
    {
        lock (_gate)
        {
            var wasOpen = _openUntil is not null;
            _failures = 0;
            _openUntil = null;
            _trialInFlight = false;
            if (wasOpen)
            {
                events.Publish("provider.circuit_closed", new JsonObject { ["provider"] = provider });
            }
        }
    }

    /// <summary>Records a failed call; opens the breaker at the threshold or when a trial call fails.</summary>
    public void Failure()
    {
        lock (_gate)
        {
            _failures++;
            if (_trialInFlight || _failures >= threshold)
            {
                _trialInFlight = false;
                _openUntil = time.GetUtcNow() + breakDuration;
                events.Publish("provider.circuit_opened", new JsonObject
                {
                    ["provider"] = provider,
                    ["consecutive_failures"] = _failures,
                    ["break_seconds"] = breakDuration.TotalSeconds,
                });
            }
        }
    }
}
