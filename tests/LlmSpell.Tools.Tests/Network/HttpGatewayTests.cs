using System.Net;
using LlmSpell.TestUtilities;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Network;
using LlmSpell.Tools.Tests.Web;

namespace LlmSpell.Tools.Tests.Network;

public sealed class HttpGatewayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A gateway whose policy maps every name to 127.0.0.1 and treats only 127.0.0.1 as public (the test server plays a public host).</summary>
    private static HttpGateway PublicLoopbackGateway(string toml = "")
    {
        var config = ToolTestServices.Create(toml).Config;
        var policy = new NetworkPolicy(config, (_, _) => Task.FromResult(new[] { IPAddress.Loopback }), ip => !ip.Equals(IPAddress.Loopback) && PrivateAddresses.IsPrivate(ip));
        return new HttpGateway(config, TimeProvider.System, policy);
    }

    [Fact]
    public async Task Gateway_ConnectsOnlyToTheCheckedAddress_NoSecondResolution()
    {
        await using var site = await TestSite.StartAsync();
        using var gateway = PublicLoopbackGateway();
        var port = new Uri(site.BaseUrl).Port;

        // "site.test" does not exist in DNS: the request can only succeed by connecting to the policy's address.
        var response = await gateway.SendAsync(new NetRequest { Url = $"http://site.test:{port}/text" }, Ct);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("plain text", response.Text);
    }

    [Fact]
    public async Task Gateway_RedirectFromAllowedHostToPrivateAddress_IsDeniedOnTheHop()
    {
        await using var site = await TestSite.StartAsync();
        using var gateway = PublicLoopbackGateway();
        var port = new Uri(site.BaseUrl).Port;

        var ex = await Assert.ThrowsAsync<ToolFailureException>(() =>
            gateway.SendAsync(new NetRequest { Url = $"http://site.test:{port}/redirect-to?to=http://169.254.169.254/latest/meta-data" }, Ct));

        Assert.Equal("host '169.254.169.254' is a private address; set tools.network.block_private_addresses = false to allow it", ex.Message);
    }

    [Fact]
    public async Task Gateway_RedirectToBlockedHost_IsDeniedOnTheHop()
    {
        await using var site = await TestSite.StartAsync();
        using var gateway = new HttpGateway(ToolTestServices.Create(TestSite.LoopbackToml + "blocked_hosts = [\"localhost\"]\n").Config, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<ToolFailureException>(() =>
            gateway.SendAsync(new NetRequest { Url = site.Url("/redirect-to?to=" + Uri.EscapeDataString(site.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/text")) }, Ct));

        Assert.Equal("host 'localhost' is blocked by tools.network.blocked_hosts", ex.Message);
    }

    [Fact]
    public async Task Gateway_DefaultPolicy_RefusesTheLoopbackServer()
    {
        await using var site = await TestSite.StartAsync();
        using var gateway = new HttpGateway(ToolTestServices.Create().Config, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<ToolFailureException>(() => gateway.SendAsync(new NetRequest { Url = site.Url("/text") }, Ct));

        Assert.Equal(ToolFailureKind.SecurityViolation, ex.Kind);
        Assert.Equal(0, site.Hits("/text"));
    }

    [Fact]
    public async Task Gateway_RedirectLoop_StopsAfterMaxRedirects()
    {
        await using var site = await TestSite.StartAsync();
        using var gateway = new HttpGateway(ToolTestServices.Create(TestSite.LoopbackToml + "max_redirects = 2\n").Config, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<NetworkException>(() => gateway.SendAsync(new NetRequest { Url = site.Url("/redirect-loop") }, Ct));

        Assert.StartsWith("too many redirects (more than 2)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_BodyOverMaxResponseBytes_Raises()
    {
        await using var site = await TestSite.StartAsync();
        using var gateway = new HttpGateway(ToolTestServices.Create(TestSite.LoopbackToml + "max_response_bytes = 1000\n").Config, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<NetworkException>(() => gateway.SendAsync(new NetRequest { Url = site.Url("/big") }, Ct));

        Assert.Equal("response body exceeds tools.network.max_response_bytes (1000 bytes)", ex.Message);
    }

    [Fact]
    public async Task Gateway_SlowServer_TimesOut()
    {
        await using var site = await TestSite.StartAsync();
        using var gateway = new HttpGateway(ToolTestServices.Create(TestSite.LoopbackToml).Config, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<NetworkException>(() => gateway.SendAsync(new NetRequest { Url = site.Url("/slow"), Timeout = TimeSpan.FromMilliseconds(300) }, Ct));

        Assert.Equal(NetworkFailureKind.Timeout, ex.Kind);
        Assert.Equal("timeout", ex.ToToolFailure().Code);
        Assert.Contains("timed out after 0.3 s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_ConnectionRefused_IsTransportFailure()
    {
        using var gateway = new HttpGateway(ToolTestServices.Create(TestSite.LoopbackToml).Config, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<NetworkException>(() => gateway.SendAsync(new NetRequest { Url = $"http://127.0.0.1:{WebToolHarness.ClosedPort()}/" }, Ct));

        Assert.Equal(NetworkFailureKind.Connect, ex.Kind);
        Assert.Contains("refused", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Gateway_RepeatedHeaders_AreLowerCasedAndJoined()
    {
        await using var site = await TestSite.StartAsync();
        using var gateway = new HttpGateway(ToolTestServices.Create(TestSite.LoopbackToml).Config, TimeProvider.System);

        var response = await gateway.SendAsync(new NetRequest { Url = site.Url("/multi-header") }, Ct);

        Assert.Equal("a, b", response.Headers["x-multi"]!.GetValue<string>());
    }

    [Fact]
    public async Task Gateway_SendsTheConfiguredUserAgent()
    {
        await using var site = await TestSite.StartAsync();
        using var gateway = new HttpGateway(ToolTestServices.Create(TestSite.LoopbackToml).Config, TimeProvider.System);

        var response = await gateway.SendAsync(new NetRequest { Url = site.Url("/echo") }, Ct);

        Assert.Contains("\"user-agent\":\"llmspell/", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_CrossHostRedirect_DropsCredentials()
    {
        await using var site = await TestSite.StartAsync();
        using var gateway = new HttpGateway(ToolTestServices.Create(TestSite.LoopbackToml).Config, TimeProvider.System);
        var otherHost = site.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/echo";
        var headers = new List<KeyValuePair<string, string>> { new("Authorization", "Bearer secret"), new("X-Trace", "1") };

        var same = await gateway.SendAsync(new NetRequest { Url = site.Url("/redirect-to?to=/echo"), Headers = headers }, Ct);
        var cross = await gateway.SendAsync(new NetRequest { Url = site.Url("/redirect-to?to=" + Uri.EscapeDataString(otherHost)), Headers = headers }, Ct);

        Assert.Contains("Bearer secret", same.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer secret", cross.Text, StringComparison.Ordinal);
        Assert.Contains("\"x-trace\":\"1\"", cross.Text, StringComparison.Ordinal);
    }
}
