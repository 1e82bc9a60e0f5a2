using System.Collections.Concurrent;
using LlmSpell.Tools.Network;
using Polly;
using Polly.CircuitBreaker;

namespace LlmSpell.Tools.Web;

/// <summary>
/// Per-endpoint circuit breakers shared by every webhook_caller call in a run (registered in the
/// run's service bag). A breaker opens when all of at least <see cref="MinimumThroughput"/>
/// attempts within <see cref="SamplingDuration"/> failed (5xx, 429, timeout, connection failure),
/// and then refuses calls to that endpoint for <see cref="BreakDuration"/>.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class WebhookCircuits(TimeProvider time)
{
    public const int MinimumThroughput = 5;

    public static readonly TimeSpan SamplingDuration = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, ResiliencePipeline<NetResponse>> _breakers = new(StringComparer.Ordinal);

    /// <summary>The endpoint key: scheme, host, port and path (query ignored).</summary>
    public static string EndpointOf(Uri uri) => uri.GetLeftPart(UriPartial.Path);

    public ResiliencePipeline<NetResponse> For(string endpoint) => _breakers.GetOrAdd(endpoint, _ =>
        new ResiliencePipelineBuilder<NetResponse> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<NetResponse>
            {
                FailureRatio = 1.0,
                MinimumThroughput = MinimumThroughput,
                SamplingDuration = SamplingDuration,
                BreakDuration = BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
            })
            .Build());

    /// <summary>What counts as a failed delivery for both retries and the breaker.</summary>
    public static bool IsFailure(Outcome<NetResponse> outcome) => outcome switch
    {
        { Exception: NetworkException e } => e.Kind is NetworkFailureKind.Connect or NetworkFailureKind.Timeout,
        { Result: { } r } => r.StatusCode >= 500 || r.StatusCode == 429,
        _ => false,
    };
}
