using System.Net;
using System.Net.Sockets;
using LlmSpell.Configuration;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Network;

namespace LlmSpell.Tools.Tests.Network;

public sealed class NetworkPolicyTests
{
    private static LlmSpellConfig Config(string toml = "") => ToolTestServicesConfig.Load(toml);

    private static NetworkPolicy Policy(string toml = "", Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null) => new(Config(toml), resolve);

    private static Func<string, CancellationToken, Task<IPAddress[]>> Resolves(params string[] ips) => (_, _) => Task.FromResult(ips.Select(IPAddress.Parse).ToArray());

    [Theory]
    [InlineData("http://127.0.0.1/", "host '127.0.0.1' is a private address; set tools.network.block_private_addresses = false to allow it")]
    [InlineData("http://localhost:8080/x", "host 'localhost' is a private address; set tools.network.block_private_addresses = false to allow it")]
    [InlineData("http://api.localhost/", "host 'api.localhost' is a private address")]
    [InlineData("http://10.1.2.3/", "host '10.1.2.3' is a private address")]
    [InlineData("http://169.254.169.254/latest/meta-data", "host '169.254.169.254' is a private address")]
    [InlineData("http://metadata.google.internal/", "host 'metadata.google.internal' is a private address")]
    [InlineData("http://[::1]/", "host '::1' is a private address")]
    [InlineData("http://[::ffff:127.0.0.1]/", "is a private address")]
    [InlineData("http://LOCALHOST./", "host 'localhost' is a private address")]
    [InlineData("http://2130706433/", "integer, octal or hexadecimal form")]
    [InlineData("http://0x7f000001/", "integer, octal or hexadecimal form")]
    [InlineData("http://0177.0.0.1/", "integer, octal or hexadecimal form")]
    [InlineData("http://127.1/", "integer, octal or hexadecimal form")]
    [InlineData("file:///etc/passwd", "URL scheme 'file' is not allowed (only http and https)")]
    [InlineData("ftp://example.com/x", "URL scheme 'ftp' is not allowed")]
    [InlineData("http://example.com/a%0d%0aSet-Cookie:x", "encoded control character")]
    [InlineData("http://example.com/%00", "encoded control character")]
    [InlineData("http://example.com:22/", "port 22 is blocked by tools.network.blocked_ports")]
    [InlineData("http://example.com:6379/", "port 6379 is blocked by tools.network.blocked_ports")]
    public async Task DefaultPolicy_DangerousUrl_IsSecurityViolation(string url, string expected)
    {
        var ex = await Assert.ThrowsAsync<ToolFailureException>(() => Policy(resolve: Resolves("93.184.216.34")).AdmitAsync(url, null, TestContext.Current.CancellationToken));

        Assert.Equal(ToolFailureKind.SecurityViolation, ex.Kind);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultPolicy_NameResolvingToAnyPrivateAddress_IsDenied()
    {
        var policy = Policy(resolve: Resolves("93.184.216.34", "192.168.1.10"));

        var ex = await Assert.ThrowsAsync<ToolFailureException>(() => policy.AdmitAsync("https://rebind.example/", null, TestContext.Current.CancellationToken));

        Assert.Equal("host 'rebind.example' is a private address; set tools.network.block_private_addresses = false to allow it", ex.Message);
    }

    [Theory]
    [InlineData("100.64.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("198.19.0.1")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("0.0.0.0")]
    [InlineData("192.0.0.8")]
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::")]
    [InlineData("::ffff:10.0.0.1")]
    public void PrivateAddresses_ReservedRanges_ArePrivate(string ip) => Assert.True(PrivateAddresses.IsPrivate(IPAddress.Parse(ip)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:2800:220:1::1")]
    [InlineData("::ffff:8.8.8.8")]
    public void PrivateAddresses_PublicAddresses_AreNotPrivate(string ip) => Assert.False(PrivateAddresses.IsPrivate(IPAddress.Parse(ip)));

    [Fact]
    public async Task DefaultPolicy_PublicHost_IsAdmittedWithTheCheckedAddresses()
    {
        var admitted = await Policy(resolve: Resolves("93.184.216.34")).AdmitAsync("https://Example.COM./path", null, TestContext.Current.CancellationToken);

        Assert.Equal("example.com", admitted.Host);
        Assert.Equal([IPAddress.Parse("93.184.216.34")], admitted.Addresses);
    }

    [Fact]
    public async Task Policy_InternationalHost_IsIdnaEncodedBeforeMatching()
    {
        var policy = Policy("[tools.network]\nblocked_hosts = [\"xn--bcher-kva.example\"]\n", Resolves("93.184.216.34"));

        var ex = await Assert.ThrowsAsync<ToolFailureException>(() => policy.AdmitAsync("http://bücher.example/", null, TestContext.Current.CancellationToken));

        Assert.Equal("host 'xn--bcher-kva.example' is blocked by tools.network.blocked_hosts", ex.Message);
    }

    [Theory]
    [InlineData("http://evil.example/", "host 'evil.example' is blocked by tools.network.blocked_hosts")]
    [InlineData("http://a.b.tracker.example/", "host 'a.b.tracker.example' is blocked by tools.network.blocked_hosts")]
    [InlineData("http://other.example/", "host 'other.example' is not in tools.network.allowed_hosts")]
    public void Policy_HostPatterns_DenyAsConfigured(string url, string expected)
    {
        var policy = Policy("""
            [tools.network]
            blocked_hosts = ["evil.example", "*.tracker.example"]
            allowed_hosts = ["evil.example", "a.b.tracker.example", "api.example"]
            """);

        var ex = Assert.Throws<ToolFailureException>(() => policy.Check(url));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Policy_NetworkAccessDisabled_DeniesEverything()
    {
        var ex = Assert.Throws<ToolFailureException>(() => Policy("[runtime.security]\nallow_network_access = false\n").Check("https://example.com/"));

        Assert.Equal("network access is disabled (runtime.security.allow_network_access)", ex.Message);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("")]
    public void Policy_NotAnAbsoluteUrl_IsInvalidParameters(string url) =>
        Assert.Equal(ToolFailureKind.InvalidParameters, Assert.Throws<ToolFailureException>(() => Policy().Check(url)).Kind);

    [Fact]
    public async Task Policy_UnresolvableName_IsTransportFailureNotDenial()
    {
        var ex = await Assert.ThrowsAsync<NetworkException>(() => Policy().AdmitAsync("http://no-such-host.invalid/", null, TestContext.Current.CancellationToken));

        Assert.Equal(NetworkFailureKind.Resolve, ex.Kind);
        Assert.Equal("could not resolve host 'no-such-host.invalid'", ex.Message);
        Assert.Equal("network_error", ex.ToToolFailure().Code);
    }

    [Fact]
    public async Task Policy_ResolverSocketError_IsTransportFailure()
    {
        var policy = Policy(resolve: (_, _) => throw new SocketException((int)SocketError.HostNotFound));

        var ex = await Assert.ThrowsAsync<NetworkException>(() => policy.AdmitAsync("http://x.example/", null, TestContext.Current.CancellationToken));

        Assert.Equal(NetworkFailureKind.Resolve, ex.Kind);
    }

    [Fact]
    public void Policy_ToolHostRules_AreMergedWithTheNetworkPolicy()
    {
        var rules = new HostRules(["api.example"], ["bad.example"]);

        Assert.Equal("host 'bad.example' is blocked by tools.network.blocked_hosts", Assert.Throws<ToolFailureException>(() => Policy().Check("http://bad.example/", rules)).Message);
        Assert.Equal("host 'www.example' is not in tools.network.allowed_hosts", Assert.Throws<ToolFailureException>(() => Policy().Check("http://www.example/", rules)).Message);
        Assert.Equal("api.example", Policy().Check("http://api.example/", rules).Host);
    }
}
