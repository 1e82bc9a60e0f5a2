using System.Text.Json.Nodes;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Network;
using LlmSpell.Values;
using Polly;
using Polly.Retry;

namespace LlmSpell.Tools.Web;

/// <summary>The <c>retry</c> parameter of http_request (tools.md §5.14), turned into a Polly pipeline.</summary>
internal sealed record RetrySettings(int MaxAttempts, TimeSpan InitialDelay, TimeSpan MaxDelay, double BackoffFactor, IReadOnlySet<int> RetryOnStatus)
{
    /// <summary>Upper bound for a server-requested Retry-After, so a hostile header cannot park a run.</summary>
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(2);

    public static RetrySettings From(JsonNode? node)
    {
        if (node is not null and not JsonObject)
        {
            throw ToolFailureException.InvalidParameters($"parameter 'retry': expected object, got {JsonValues.ScriptTypeName(node)}");
        }

        var obj = node as JsonObject;
        var statuses = obj?["retry_on_status"] is JsonArray arr
            ? arr.Select(n => (int)(JsonValues.AsInteger(n) ?? 0)).ToHashSet()
            : [429, 502, 503, 504];
        return new RetrySettings(
            (int)Math.Clamp(JsonValues.AsInteger(obj?["max_attempts"]) ?? 3, 1, 20),
            TimeSpan.FromMilliseconds(Math.Max(0, JsonValues.AsDouble(obj?["initial_delay_ms"]) ?? 1000)),
            TimeSpan.FromMilliseconds(Math.Max(0, JsonValues.AsDouble(obj?["max_delay_ms"]) ?? 30000)),
            Math.Max(1, JsonValues.AsDouble(obj?["backoff_factor"]) ?? 2.0),
            statuses);
    }

    /// <summary>A pipeline retrying listed statuses and connect/timeout failures, honouring Retry-After.</summary>
    public ResiliencePipeline<NetResponse> Build(TimeProvider time, Action? onRetry = null)
    {
        var builder = new ResiliencePipelineBuilder<NetResponse> { TimeProvider = time };
        if (MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<NetResponse>
            {
                MaxRetryAttempts = MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: NetworkException e } => e.Kind is NetworkFailureKind.Connect or NetworkFailureKind.Timeout,
                    { Result: { } r } => RetryOnStatus.Contains(r.StatusCode),
                    _ => false,
                }),
                DelayGenerator = args =>
                {
                    if (args.Outcome.Result?.RetryAfter is { } after)
                    {
                        return ValueTask.FromResult<TimeSpan?>(after > MaxRetryAfter ? MaxRetryAfter : after);
                    }

                    var ms = InitialDelay.TotalMilliseconds * Math.Pow(BackoffFactor, args.AttemptNumber);
                    return ValueTask.FromResult<TimeSpan?>(TimeSpan.FromMilliseconds(Math.Min(ms, MaxDelay.TotalMilliseconds)));
                },
                OnRetry = _ =>
                {
                    onRetry?.Invoke();
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }
}
