using System.Text;
using System.Text.Json;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace LlmSpell.Cli.Hosting.Telemetry;

/// <summary>Writes metric points as JSON lines (<c>"type": "metric"</c>) for the file and console exporters.</summary>
internal sealed class JsonlMetricExporter(TextSink sink, bool pretty) : BaseExporter<Metric>
{
    public override ExportResult Export(in Batch<Metric> batch)
    {
        foreach (var metric in batch)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                sink.WriteLine(pretty ? Text(metric, point) : Json(metric, point));
            }
        }

        sink.Flush();
        return ExportResult.Success;
    }

    private static string Json(Metric metric, in MetricPoint point)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "metric");
            w.WriteString("name", metric.Name);
            w.WriteString("unit", metric.Unit);
            w.WriteString("meter", metric.MeterName);
            w.WriteString("time", point.EndTime.ToString("O"));
            w.WriteStartObject("attributes");
            foreach (var tag in point.Tags)
            {
                JsonlSpanExporter.WriteValue(w, tag.Key, tag.Value);
            }

            w.WriteEndObject();
            WriteValue(w, metric, point);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter w, Metric metric, in MetricPoint point)
    {
        switch (metric.MetricType)
        {
            case MetricType.Histogram:
            case MetricType.ExponentialHistogram:
                w.WriteNumber("count", point.GetHistogramCount());
                w.WriteNumber("sum", point.GetHistogramSum());
                if (point.TryGetHistogramMinMaxValues(out var min, out var max))
                {
                    w.WriteNumber("min", min);
                    w.WriteNumber("max", max);
                }

                break;
            case MetricType.LongSum:
            case MetricType.LongSumNonMonotonic:
                w.WriteNumber("sum", point.GetSumLong());
                break;
            case MetricType.DoubleSum:
            case MetricType.DoubleSumNonMonotonic:
                w.WriteNumber("sum", point.GetSumDouble());
                break;
            case MetricType.LongGauge:
                w.WriteNumber("value", point.GetGaugeLastValueLong());
                break;
            case MetricType.DoubleGauge:
                w.WriteNumber("value", point.GetGaugeLastValueDouble());
                break;
        }
    }

    private static string Text(Metric metric, in MetricPoint point)
    {
        var sb = new StringBuilder("[metric] ").Append(metric.Name);
        foreach (var tag in point.Tags)
        {
            sb.Append(' ').Append(tag.Key).Append('=').Append(Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        var value = metric.MetricType switch
        {
            MetricType.Histogram or MetricType.ExponentialHistogram => $"count={point.GetHistogramCount()} sum={point.GetHistogramSum():0.######}",
            MetricType.LongSum or MetricType.LongSumNonMonotonic => $"sum={point.GetSumLong()}",
            MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => $"sum={point.GetSumDouble():0.######}",
            MetricType.LongGauge => $"value={point.GetGaugeLastValueLong()}",
            _ => $"value={point.GetGaugeLastValueDouble():0.######}",
        };
        return sb.Append(' ').Append(value).Append(' ').Append(metric.Unit).ToString();
    }
}
