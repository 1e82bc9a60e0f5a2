namespace LlmSpell.Cli.Hosting.Telemetry;

/// <summary><c>run --report</c> (print the table and tree) and/or <c>--report-file FILE.json</c>.</summary>
internal sealed record ReportRequest(bool Print, string? File);
