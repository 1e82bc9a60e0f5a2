using LlmSpell.Tools.Network;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace LlmSpell.Tools.Web;

/// <summary>The outcome of one webhook delivery (one POST, with its retries).</summary>
internal sealed record DeliveryOutcome(NetResponse? Response, int Retries, long ElapsedMs, string? Error, string? ErrorCode, bool CircuitOpen = false);

/// <summary>
/// Sends one webhook body: retries (Polly) around the endpoint's shared circuit breaker around the
/// gateway. Unresolvable hosts end the delivery at once; policy denials propagate (they raise).
/// </summary>
internal sealed class WebhookDelivery(HttpGateway gateway, WebhookCircuits circuits, TimeProvider time, int maxRetries, TimeSpan? baseDelay)
{
    public async Task<DeliveryOutcome> SendAsync(NetRequest request, Uri uri, Func<NetRequest, NetRequest> sign, CancellationToken cancellationToken)
    {
        var retries = 0;
        var builder = new ResiliencePipelineBuilder<NetResponse> { TimeProvider = time };
        if (maxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<NetResponse>
            {
                MaxRetryAttempts = maxRetries,
                ShouldHandle = args => ValueTask.FromResult(WebhookCircuits.IsFailure(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    WebhookBackoff.Delay(args.AttemptNumber + 1, args.Outcome.Result?.RetryAfter, Random.Shared.NextDouble(), baseDelay)),
                OnRetry = _ =>
                {
                    retries++;
                    return ValueTask.CompletedTask;
                },
            });
        }

        var pipeline = builder.AddPipeline(circuits.For(WebhookCircuits.EndpointOf(uri))).Build();
        var started = time.GetTimestamp();
        long Elapsed() => (long)time.GetElapsedTime(started).TotalMilliseconds;
        try
        {
            // Each attempt is signed afresh so the timestamp header is current.
            var response = await pipeline.ExecuteAsync(async ct => await gateway.SendAsync(sign(request), ct), cancellationToken);
            return new DeliveryOutcome(response, retries, Elapsed(), null, null);
        }
        catch (NetworkException ex) when (ex.Kind == NetworkFailureKind.Resolve)
        {
            return new DeliveryOutcome(null, retries, Elapsed(), ex.Message, "network_error");
        }
        catch (NetworkException ex)
        {
            return new DeliveryOutcome(null, retries, Elapsed(), $"webhook call to {request.Url} failed after {retries + 1} attempt(s): {ex.Message}", "retries_exhausted");
        }
        catch (BrokenCircuitException)
        {
            var endpoint = WebhookCircuits.EndpointOf(uri);
            return new DeliveryOutcome(null, retries, Elapsed(),
                $"circuit breaker open for {endpoint}: recent deliveries kept failing, calls are refused for up to {WebhookCircuits.BreakDuration.TotalSeconds:0} s",
                "network_error", CircuitOpen: true);
        }
    }
}
