using System.Text.Json.Nodes;

namespace LlmSpell.Cli.Hosting.Telemetry;

/// <summary>
/// Where the time, tokens and cost of a run went, grouped by operation (kind + name) with
/// p50/p95 for repeated calls, and the call tree aggregated by path. Built from the run's spans.
/// </summary>
internal sealed class RunReport
{
    private RunReport(string script, int exitCode, double durationMs, IReadOnlyList<OperationRow> operations, ReportNode tree)
    {
        Script = script;
        ExitCode = exitCode;
        DurationMs = durationMs;
        Operations = operations;
        Tree = tree;
    }

    public string Script { get; }

    public int ExitCode { get; }

    public double DurationMs { get; }

    public IReadOnlyList<OperationRow> Operations { get; }

    public ReportNode Tree { get; }

    // Tokens are counted where a model is called; an agent row repeats its calls' totals.
    public long InputTokens => Operations.Where(o => o.Kind is "model" or "embedding").Sum(o => o.InputTokens);

    public long OutputTokens => Operations.Where(o => o.Kind is "model" or "embedding").Sum(o => o.OutputTokens);

    public double CostUsd => Operations.Sum(o => o.CostUsd);

    public static RunReport Build(string script, int exitCode, double durationMs, IReadOnlyList<SpanRecord> spans)
    {
        var operations = spans
            .Where(s => s.Kind != "run")
            .GroupBy(s => (s.Kind, s.Name))
            .Select(g => OperationRow.From(g.Key.Kind, g.Key.Name, [.. g]))
            .OrderByDescending(o => o.TotalMs)
            .ToList();
        return new RunReport(script, exitCode, durationMs, operations, ReportNode.Build(script, durationMs, spans));
    }

    public JsonObject ToJson() => new()
    {
        ["script"] = Script,
        ["exit_code"] = ExitCode,
        ["duration_ms"] = Math.Round(DurationMs, 3),
        ["totals"] = new JsonObject
        {
            ["input_tokens"] = InputTokens,
            ["output_tokens"] = OutputTokens,
            ["cost_usd"] = CostUsd,
        },
        ["operations"] = new JsonArray([.. Operations.Select(o => (JsonNode)o.ToJson())]),
        ["tree"] = Tree.ToJson(),
    };
}
