using System.Diagnostics;
using LlmSpell.Output;
using LlmSpell.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LlmSpell.Cli.Hosting.Telemetry;

/// <summary>
/// The OpenTelemetry SDK for one run: a tracer provider and a meter provider over the platform's
/// sources (<see cref="LlmSpellTelemetry.SourceName"/>, <see cref="LlmSpellTelemetry.GenAiSourceName"/>)
/// with the configured exporter. Created only when <c>telemetry.enabled</c> is true, so a run
/// without telemetry never loads the SDK. Disposing flushes what is pending.
/// </summary>
internal sealed class TelemetryExport : IDisposable
{
    private readonly TracerProvider? _traces;
    private readonly MeterProvider? _metrics;
    private readonly RunOutput _output;
    private readonly TextSink? _sink;

    private TelemetryExport(TelemetrySettings settings, RunOutput output)
    {
        _output = output;
        LlmSpellTelemetry.RecordContent = settings.RecordContent;
        LlmSpellTelemetry.TraceModelCalls = settings.Traces || settings.Metrics;
        var resource = ResourceBuilder.CreateDefault();
        if (settings.ServiceName is { } name)
        {
            resource.AddService(name, serviceVersion: ProductInfo.Version);
        }
        else if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME")))
        {
            resource.AddService(ProductInfo.Name, serviceVersion: ProductInfo.Version);
        }

        _sink = settings.Exporter switch
        {
            "console" => TextSink.Stderr(output),
            "file" => TextSink.File(settings.File!),
            _ => null,
        };
        var pretty = settings.Exporter == "console";
        if (settings.Traces)
        {
            var builder = Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(resource)
                .AddSource(LlmSpellTelemetry.SourceName, LlmSpellTelemetry.GenAiSourceName)
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(settings.SamplingRatio)));
            builder = settings.Exporter switch
            {
                "console" or "file" => builder.AddProcessor(new SimpleActivityExportProcessor(new JsonlSpanExporter(_sink!, pretty))),
                _ => builder.AddOtlpExporter(o => Configure(o, settings, "v1/traces")),
            };
            _traces = builder.Build();
        }

        if (settings.Metrics)
        {
            var builder = Sdk.CreateMeterProviderBuilder()
                .SetResourceBuilder(resource)
                .AddMeter(LlmSpellTelemetry.SourceName, LlmSpellTelemetry.GenAiSourceName);
            builder = settings.Exporter switch
            {
                "console" or "file" => builder.AddReader(new PeriodicExportingMetricReader(new JsonlMetricExporter(_sink!, pretty), settings.MetricIntervalMs)),
                _ => builder.AddOtlpExporter((o, reader) =>
                {
                    Configure(o, settings, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = settings.MetricIntervalMs;
                }),
            };
            _metrics = builder.Build();
        }
    }

    /// <summary>Starts export when the configuration enables it; null otherwise.</summary>
    public static TelemetryExport? Start(TelemetrySettings? settings, RunOutput output) =>
        settings is null ? null : new TelemetryExport(settings, output);

    public void Dispose()
    {
        // Dispose flushes: the batch span processor and the periodic metric reader export what is pending.
        try
        {
            _traces?.Dispose();
            _metrics?.Dispose();
        }
        catch (Exception ex)
        {
            _output.WriteStderrLine("Warning: telemetry export failed: " + ex.Message);
        }
        finally
        {
            _sink?.Dispose();
        }
    }

    /// <summary>
    /// Config wins where it names something; otherwise the exporter reads the standard
    /// <c>OTEL_EXPORTER_OTLP_*</c> variables itself (endpoint, headers, protocol, timeout).
    /// </summary>
    private static void Configure(OtlpExporterOptions options, TelemetrySettings settings, string signalPath)
    {
        if (settings.Protocol is { } protocol)
        {
            options.Protocol = protocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        }

        if (settings.Endpoint is { } endpoint)
        {
            // An endpoint set in code is used as given; over HTTP the signal path must be added (as the
            // exporter itself does for OTEL_EXPORTER_OTLP_ENDPOINT).
            options.Endpoint = options.Protocol == OtlpExportProtocol.HttpProtobuf
                ? new Uri(endpoint.TrimEnd('/') + "/" + signalPath)
                : new Uri(endpoint);
        }

        if (settings.Headers.Count > 0)
        {
            options.Headers = string.Join(",", settings.Headers.Select(h => h.Key + "=" + h.Value));
        }
    }
}
