using System.Text.Json.Nodes;
using LlmSpell.TestUtilities;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Tests.Web;

/// <summary>Runs one web tool directly (no pipeline) with services built from TOML.</summary>
internal static class WebToolHarness
{
    public static ToolServices Services(string toml = TestSite.LoopbackToml, TimeProvider? time = null) => ToolTestServices.Create(toml, time: time);

    public static ITool Tool(ToolServices services, string name) =>
        BuiltInTools.Create(services).Single(t => t.Descriptor.Name == name);

    /// <summary>Runs the tool and returns the envelope.</summary>
    public static async Task<JsonObject> Run(ToolServices services, string name, JsonObject parameters)
    {
        var output = await Tool(services, name).ExecuteAsync(new ToolRequest(name, parameters, ToolCaller.Script, services), TestContext.Current.CancellationToken);
        return (JsonObject)output.Value!;
    }

    public static Task<JsonObject> Run(string name, JsonObject parameters, string toml = TestSite.LoopbackToml) => Run(Services(toml), name, parameters);

    /// <summary>Runs the tool expecting a raised failure; returns it.</summary>
    public static async Task<ToolFailureException> Raises(string name, JsonObject parameters, string toml = TestSite.LoopbackToml) =>
        await Assert.ThrowsAsync<ToolFailureException>(() => Run(name, parameters, toml));

    /// <summary>A 127.0.0.1 port nobody listens on (bound then released).</summary>
    public static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
