using System.Net;
using System.Net.Sockets;
using LlmSpell.TestUtilities;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Sys;
using LlmSpell.Values;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LlmSpell.Tools.Tests.Sys;

public sealed class ServiceCheckerToolTests
{
    [Fact]
    public void Tcp_NothingListening_IsNegativeResult()
    {
        var port = FreePort();
        var s = ToolTestServices.Create($"[tools.service_checker]\nallowed_ports = [{port}]");
        var env = SysTool.Run(new ServiceCheckerTool(s), s, $$"""{"check_type":"tcp","target":"127.0.0.1:{{port}}"}""");
        Assert.Equal(true, JsonValues.AsBool(env["success"]));
        Assert.Equal(false, JsonValues.AsBool(SysTool.Result(env, "available")));
        Assert.StartsWith($"Service '127.0.0.1:{port}' is not available: ", JsonValues.AsString(env["message"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Tcp_DefaultPort8080_NothingListening_IsNegativeResult()
    {
        var s = ToolTestServices.Create();
        var env = SysTool.Run(new ServiceCheckerTool(s), s, """{"check_type":"tcp","target":"127.0.0.1:8080"}""");
        Assert.NotNull(SysTool.Result(env, "available"));
    }

    [Fact]
    public void Tcp_Listening_IsAvailable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var s = ToolTestServices.Create($"[tools.service_checker]\nallowed_ports = [{port}]");
        var env = SysTool.Run(new ServiceCheckerTool(s), s, $$"""{"check_type":"tcp","target":"localhost:{{port}}"}""");
        Assert.Equal(true, JsonValues.AsBool(SysTool.Result(env, "available")));
        Assert.Equal("open", JsonValues.AsString(SysTool.Result(env, "status")));
        Assert.Matches(@"^Service 'localhost:\d+' is available \(\d+ms response time\)$", JsonValues.AsString(env["message"]));
    }

    [Theory]
    [InlineData("example.com:80", "not allowed: host 'example.com' is not in tools.service_checker.allowed_hosts")]
    [InlineData("127.0.0.1:21", "not allowed: port 21 is blocked by tools.service_checker.blocked_ports")]
    [InlineData("127.0.0.1:4444", "not allowed: port 4444 is not in tools.service_checker.allowed_ports")]
    public void Tcp_DisallowedTarget_IsNegativeResultNotError(string target, string status)
    {
        var s = ToolTestServices.Create();
        var env = SysTool.Run(new ServiceCheckerTool(s), s, $$"""{"check_type":"tcp","target":"{{target}}"}""");
        Assert.Equal(false, JsonValues.AsBool(SysTool.Result(env, "available")));
        Assert.Equal(status, JsonValues.AsString(SysTool.Result(env, "status")));
    }

    [Fact]
    public async Task Http_HeadFallsBackToGetOn405()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapMethods("/health", ["HEAD"], () => Results.StatusCode(405));
            app.MapGet("/health", () => "ok");
        });
        var port = new Uri(server.BaseUrl).Port;
        var s = ToolTestServices.Create($"[tools.service_checker]\nallowed_ports = [{port}]");
        var env = SysTool.Run(new ServiceCheckerTool(s), s, $$"""{"check_type":"http","target":"{{server.BaseUrl}}/health"}""");
        Assert.Equal(true, JsonValues.AsBool(SysTool.Result(env, "available")));
        Assert.Equal(200L, JsonValues.AsInteger(SysTool.Result(env, "details.status_code")));
    }

    [Fact]
    public async Task Http_ExpectedStatusMismatch_IsNegativeResult()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/", () => Results.StatusCode(503)));
        var port = new Uri(server.BaseUrl).Port;
        var s = ToolTestServices.Create($"[tools.service_checker]\nallowed_ports = [{port}]");
        var env = SysTool.Run(new ServiceCheckerTool(s), s, $$"""{"check_type":"http","target":"{{server.BaseUrl}}/","expected_status":200}""");
        Assert.Equal(false, JsonValues.AsBool(SysTool.Result(env, "available")));
        Assert.Equal(503L, JsonValues.AsInteger(SysTool.Result(env, "details.status_code")));
    }

    [Fact]
    public void Dns_Localhost_Resolves()
    {
        var s = ToolTestServices.Create();
        var env = SysTool.Run(new ServiceCheckerTool(s), s, """{"check_type":"dns","target":"localhost"}""");
        Assert.Equal(true, JsonValues.AsBool(SysTool.Result(env, "available")));
        Assert.NotEmpty((System.Text.Json.Nodes.JsonArray)SysTool.Result(env, "details.addresses")!);
    }

    [Theory]
    [InlineData("tcp", "127.0.0.1")]
    [InlineData("tcp", "127.0.0.1:99999")]
    [InlineData("http", "ftp://x/")]
    [InlineData("dns", "bad host/name")]
    public void MalformedTarget_Raises(string type, string target)
    {
        var s = ToolTestServices.Create();
        Assert.Equal(ToolFailureKind.InvalidParameters, SysTool.Fails(new ServiceCheckerTool(s), s, $$"""{"check_type":"{{type}}","target":"{{target}}"}""").Kind);
    }

    [Fact]
    public void BadParameters_Raise()
    {
        var s = ToolTestServices.Create();
        var tool = new ServiceCheckerTool(s);
        Assert.Equal("Tool 'service_checker' invalid parameters: missing required parameter 'target'", SysTool.Raises(tool, s, """{"check_type":"tcp"}"""));
        Assert.Equal(ToolFailureKind.InvalidParameters, SysTool.Fails(tool, s, """{"check_type":"icmp","target":"x"}""").Kind);
        Assert.Equal(ToolFailureKind.InvalidParameters, SysTool.Fails(tool, s, """{"check_type":"tcp","target":"127.0.0.1:80","timeout_seconds":99}""").Kind);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
