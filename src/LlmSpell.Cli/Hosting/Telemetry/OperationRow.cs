using System.Text.Json.Nodes;

namespace LlmSpell.Cli.Hosting.Telemetry;

/// <summary>One operation of the run report: every span of one kind and name.</summary>
internal sealed record OperationRow(string Kind, string Name, int Calls, int Errors, double TotalMs, double P50Ms, double P95Ms, long InputTokens, long OutputTokens, double CostUsd)
{
    public static OperationRow From(string kind, string name, IReadOnlyList<SpanRecord> spans)
    {
        var durations = spans.Select(s => s.DurationMs).Order().ToArray();
        return new OperationRow(
            kind,
            name,
            spans.Count,
            spans.Count(s => s.Failed),
            durations.Sum(),
            Percentile(durations, 0.50),
            Percentile(durations, 0.95),
            spans.Sum(s => s.InputTokens),
            spans.Sum(s => s.OutputTokens),
            spans.Sum(s => s.CostUsd));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    internal static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public JsonObject ToJson() => new()
    {
        ["kind"] = Kind,
        ["name"] = Name,
        ["calls"] = Calls,
        ["errors"] = Errors,
        ["total_ms"] = Math.Round(TotalMs, 3),
        ["p50_ms"] = Math.Round(P50Ms, 3),
        ["p95_ms"] = Math.Round(P95Ms, 3),
        ["input_tokens"] = InputTokens,
        ["output_tokens"] = OutputTokens,
        ["cost_usd"] = CostUsd,
    };
}
