namespace LlmSpell.Configuration;

/// <summary>Semantic checks of the <c>[telemetry]</c> section (docs/configuration.md, Telemetry).</summary>
internal static class TelemetryConfigValidator
{
    public static void Validate(LlmSpellConfig c, Action<string, string> error)
    {
        if (c.GetDouble("telemetry.sampling_ratio") is { } ratio && ratio is < 0 or > 1)
        {
            error("telemetry.sampling_ratio", $"must be between 0.0 and 1.0 (found {ratio})");
        }

        if (c.GetString("telemetry.endpoint") is { } endpoint && !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) | uri is not { Scheme: "http" or "https" })
        {
            error("telemetry.endpoint", $"must be an http(s) URL such as http://127.0.0.1:4318 (found '{endpoint}')");
        }

        if (c.GetBool("telemetry.enabled") && c.GetString("telemetry.exporter") == "file" && string.IsNullOrWhiteSpace(c.GetString("telemetry.file")))
        {
            error("telemetry.file", "must name a file when telemetry.exporter = \"file\"");
        }

        if (c.GetInt("telemetry.metric_export_interval_ms", 10000) < 100)
        {
            error("telemetry.metric_export_interval_ms", "must be at least 100");
        }
    }
}
