using LlmSpell.Configuration;

namespace LlmSpell.Cli.Hosting.Telemetry;

/// <summary>The <c>[telemetry]</c> section as the exporters use it (docs/configuration.md, Telemetry).</summary>
internal sealed record TelemetrySettings(
    string Exporter,
    string? Endpoint,
    string? Protocol,
    IReadOnlyDictionary<string, string> Headers,
    string? File,
    string? ServiceName,
    double SamplingRatio,
    bool RecordContent,
    bool Traces,
    bool Metrics,
    bool Logs,
    int MetricIntervalMs)
{
    /// <summary>The settings, or null when <c>telemetry.enabled</c> is false (nothing of OpenTelemetry is touched then).</summary>
    public static TelemetrySettings? From(LlmSpellConfig config)
    {
        if (!config.GetBool("telemetry.enabled"))
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (config.GetSection("telemetry.headers") is { } table)
        {
            foreach (var (key, value) in table)
            {
                headers[key] = Values.JsonValues.AsString(value) ?? value?.ToJsonString() ?? "";
            }
        }

        return new TelemetrySettings(
            config.GetString("telemetry.exporter") ?? "otlp",
            config.GetString("telemetry.endpoint"),
            config.GetString("telemetry.protocol"),
            headers,
            config.GetString("telemetry.file"),
            config.GetString("telemetry.service_name"),
            config.GetDouble("telemetry.sampling_ratio") ?? 1.0,
            config.GetBool("telemetry.record_content"),
            config.GetBool("telemetry.traces", true),
            config.GetBool("telemetry.metrics", true),
            config.GetBool("telemetry.logs", true),
            (int)config.GetInt("telemetry.metric_export_interval_ms", 10000));
    }
}
