using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmSpell.TestUtilities;

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1 with an ephemeral port, for tests of tools and
/// providers that speak HTTP. Configure routes with minimal-API mapping.
/// </summary>
/// <example><code>
/// await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/x", () => "hi"));
/// var url = server.Url("/x");
/// </code></example>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>"http://127.0.0.1:&lt;port&gt;" (no trailing slash).</summary>
    public string BaseUrl { get; }

    public string Url(string path) => BaseUrl + path;

    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        configure(app);
        await app.StartAsync();
        var address = app.Urls.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        return new LoopbackServer(app, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
