using System.Diagnostics;
using System.Text;
using System.Text.Json;
using OpenTelemetry;

namespace LlmSpell.Cli.Hosting.Telemetry;

/// <summary>
/// Writes each finished span as one JSON object per line (<c>"type": "span"</c>) — the file
/// exporter, and the console exporter on standard error. Written here because OpenTelemetry's own
/// console exporter writes to standard output (reserved for script output) and there is no JSONL
/// exporter in the SDK.
/// </summary>
internal sealed class JsonlSpanExporter(TextSink sink, bool pretty) : BaseExporter<Activity>
{
    public override ExportResult Export(in Batch<Activity> batch)
    {
        foreach (var activity in batch)
        {
            sink.WriteLine(pretty ? Text(activity) : Json(activity));
        }

        sink.Flush();
        return ExportResult.Success;
    }

    protected override bool OnShutdown(int timeoutMilliseconds)
    {
        sink.Flush();
        return true;
    }

    internal static string Json(Activity a)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "span");
            w.WriteString("name", a.DisplayName);
            w.WriteString("source", a.Source.Name);
            w.WriteString("trace_id", a.TraceId.ToHexString());
            w.WriteString("span_id", a.SpanId.ToHexString());
            if (a.ParentSpanId != default)
            {
                w.WriteString("parent_span_id", a.ParentSpanId.ToHexString());
            }

            w.WriteString("kind", a.Kind.ToString().ToLowerInvariant());
            w.WriteString("start", a.StartTimeUtc.ToString("O"));
            w.WriteNumber("duration_ms", Math.Round(a.Duration.TotalMilliseconds, 3));
            w.WriteString("status", a.Status switch { ActivityStatusCode.Error => "error", ActivityStatusCode.Ok => "ok", _ => "unset" });
            if (a.StatusDescription is { } description)
            {
                w.WriteString("status_description", description);
            }

            w.WriteStartObject("attributes");
            foreach (var tag in a.TagObjects)
            {
                WriteValue(w, tag.Key, tag.Value);
            }

            w.WriteEndObject();
            w.WriteStartArray("events");
            foreach (var e in a.Events)
            {
                w.WriteStartObject();
                w.WriteString("name", e.Name);
                w.WriteString("timestamp", e.Timestamp.ToString("O"));
                w.WriteStartObject("attributes");
                foreach (var tag in e.Tags)
                {
                    WriteValue(w, tag.Key, tag.Value);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static void WriteValue(Utf8JsonWriter w, string key, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNull(key);
                break;
            case bool b:
                w.WriteBoolean(key, b);
                break;
            case int or long or short or byte:
                w.WriteNumber(key, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                w.WriteNumber(key, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case string[] strings:
                w.WriteStartArray(key);
                foreach (var s in strings)
                {
                    w.WriteStringValue(s);
                }

                w.WriteEndArray();
                break;
            default:
                w.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string Text(Activity a)
    {
        var sb = new StringBuilder("[span] ").Append(a.DisplayName).Append(' ').Append(a.Duration.TotalMilliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)).Append(" ms");
        if (a.Status == ActivityStatusCode.Error)
        {
            sb.Append(" ERROR");
            if (a.StatusDescription is { } d)
            {
                sb.Append(": ").Append(d);
            }
        }

        foreach (var tag in a.TagObjects)
        {
            sb.Append(' ').Append(tag.Key).Append('=').Append(tag.Value is string[] arr ? string.Join(",", arr) : Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var e in a.Events)
        {
            sb.Append(" event:").Append(e.Name);
        }

        return sb.ToString();
    }
}
