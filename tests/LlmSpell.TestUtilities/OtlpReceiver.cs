using System.Collections.Concurrent;
using System.Buffers.Binary;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace LlmSpell.TestUtilities;

/// <summary>
/// An OpenTelemetry collector stand-in on 127.0.0.1 (Kestrel): OTLP over HTTP/protobuf at
/// <c>/v1/traces</c> and <c>/v1/metrics</c> on <see cref="HttpUrl"/>, and OTLP/gRPC (h2c) on
/// <see cref="GrpcUrl"/>. Decodes what arrives so tests check span names and attributes off the wire.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OtlpSpan> _spans = new();
    private readonly ConcurrentQueue<string> _metrics = new();
    private readonly ConcurrentQueue<string> _paths = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>http://127.0.0.1:port (HTTP/1.1, http/protobuf).</summary>
    public string HttpUrl { get; private set; } = "";

    /// <summary>http://127.0.0.1:port (HTTP/2 without TLS, gRPC).</summary>
    public string GrpcUrl { get; private set; } = "";

    public IReadOnlyList<OtlpSpan> Spans => [.. _spans];

    public IReadOnlyList<string> MetricNames => [.. _metrics];

    /// <summary>Request paths received (to tell which protocol was used).</summary>
    public IReadOnlyList<string> Paths => [.. _paths];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1);
            k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", async ctx => await receiver.Http(ctx, traces: true));
        app.MapPost("/v1/metrics", async ctx => await receiver.Http(ctx, traces: false));
        app.MapPost("/opentelemetry.proto.collector.trace.v1.TraceService/Export", async ctx => await receiver.Grpc(ctx, traces: true));
        app.MapPost("/opentelemetry.proto.collector.metrics.v1.MetricsService/Export", async ctx => await receiver.Grpc(ctx, traces: false));
        await app.StartAsync();
        var urls = app.Urls.Select(u => u.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/')).ToList();
        receiver.HttpUrl = urls[0];
        receiver.GrpcUrl = urls[1];
        return receiver;
    }

    /// <summary>Waits until <paramref name="condition"/> holds (exports are asynchronous) or the timeout passes.</summary>
    public async Task<bool> WaitForAsync(Func<OtlpReceiver, bool> condition, TimeSpan timeout)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (started.Elapsed < timeout)
        {
            if (condition(this))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition(this);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task Http(HttpContext ctx, bool traces)
    {
        _paths.Enqueue(ctx.Request.Path);
        var body = await Read(ctx);
        Accept(body, traces);
        ctx.Response.ContentType = "application/x-protobuf";
        ctx.Response.StatusCode = 200;
    }

    private async Task Grpc(HttpContext ctx, bool traces)
    {
        _paths.Enqueue(ctx.Request.Path);
        var body = await Read(ctx);
        // gRPC message framing: 1 byte compressed flag, 4 bytes big-endian length, then the message.
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1, 4));
        Accept(body.AsSpan(5, length).ToArray(), traces);
        ctx.Response.ContentType = "application/grpc";
        await ctx.Response.Body.WriteAsync(new byte[] { 0, 0, 0, 0, 0 });
        ctx.Response.AppendTrailer("grpc-status", "0");
    }

    private void Accept(byte[] body, bool traces)
    {
        if (traces)
        {
            foreach (var span in OtlpDecoder.Spans(body))
            {
                _spans.Enqueue(span);
            }
        }
        else
        {
            foreach (var name in OtlpDecoder.MetricNames(body))
            {
                _metrics.Enqueue(name);
            }
        }
    }

    private static async Task<byte[]> Read(HttpContext ctx)
    {
        using var ms = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(ms);
        return ms.ToArray();
    }
}
