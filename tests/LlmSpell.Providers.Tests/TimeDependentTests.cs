using LlmSpell.Providers.Http;
using Microsoft.Extensions.Time.Testing;

namespace LlmSpell.Providers.Tests;

/// <summary>Rate limiting and the circuit breaker driven by a fake clock.</summary>
public sealed class TimeDependentTests
{
    [Fact]
    public async Task RateLimiter_60PerMinute_SecondRequestWaitsForTheClock()
    {
        var time = new FakeTimeProvider();
        using var limiter = new ProviderRateLimiter("p", 60, null, time, new LogProviderEvents());
        var ct = TestContext.Current.CancellationToken;

        await limiter.AcquireAsync(0, ct);
        var second = limiter.AcquireAsync(0, ct);
        await Task.Delay(50, ct);
        Assert.False(second.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5), ct);
    }

    [Fact]
    public async Task RateLimiter_RetryAfterOn429_PausesEveryCaller()
    {
        var time = new FakeTimeProvider();
        using var limiter = new ProviderRateLimiter("p", null, null, time, new LogProviderEvents());
        using var response = new HttpResponseMessage((System.Net.HttpStatusCode)429);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        var ct = TestContext.Current.CancellationToken;

        limiter.Observe(response.Headers, 429);
        var waiting = limiter.AcquireAsync(0, ct);
        time.Advance(TimeSpan.FromSeconds(6));
        await Task.Delay(50, ct);
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5), ct);
    }

    [Fact]
    public void RateLimiter_OpenAiResetHeaders_ParseDurations()
    {
        var now = DateTimeOffset.UnixEpoch;

        Assert.Equal(TimeSpan.FromSeconds(360), RetryDelays.ParseReset("6m0s", now));
        Assert.Equal(TimeSpan.FromMilliseconds(250), RetryDelays.ParseReset("250ms", now));
        Assert.Equal(TimeSpan.FromSeconds(1.5), RetryDelays.ParseReset("1.5s", now));
    }

    [Fact]
    public void Breaker_OpensThenHalfOpensAfterBreakDuration()
    {
        var time = new FakeTimeProvider();
        var events = new LogProviderEvents();
        var breaker = new CircuitBreaker("p", 2, TimeSpan.FromSeconds(30), time, events);
        breaker.Failure();
        breaker.Enter();
        breaker.Failure();

        var ex = Assert.Throws<ProviderException>(breaker.Enter);
        Assert.Equal("provider 'p' is unavailable after 2 consecutive failures; retrying after 30 s", ex.Message);

        time.Advance(TimeSpan.FromSeconds(30));
        breaker.Enter();
        Assert.Throws<ProviderException>(breaker.Enter);
        breaker.Success();
        breaker.Enter();
        Assert.Equal(["provider.circuit_opened", "provider.circuit_half_open", "provider.circuit_closed"], events.Events.Select(e => e.Name));
    }

    [Fact]
    public void Backoff_ExponentialWithJitterAndCap()
    {
        var initial = TimeSpan.FromSeconds(1);
        var max = TimeSpan.FromSeconds(30);

        Assert.Equal(TimeSpan.FromSeconds(0.8), RetryDelays.Backoff(0, initial, max, 0));
        Assert.Equal(TimeSpan.FromSeconds(2.4), RetryDelays.Backoff(1, initial, max, 1));
        Assert.Equal(TimeSpan.FromSeconds(4), RetryDelays.Backoff(2, initial, max, 0.5));
        Assert.Equal(max, RetryDelays.Backoff(10, initial, max, 0.5));
    }
}
