namespace LlmSpell.Cli.Hosting.Telemetry;

/// <summary>One finished span as the run report keeps it.</summary>
internal sealed record SpanRecord(
    string SpanId,
    string? ParentId,
    string Kind,
    string Name,
    double DurationMs,
    bool Failed,
    long InputTokens,
    long OutputTokens,
    double CostUsd);
