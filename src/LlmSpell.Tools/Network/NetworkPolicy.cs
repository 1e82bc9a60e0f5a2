using System.Net;
using System.Net.Sockets;
using LlmSpell.Configuration;
using LlmSpell.Security;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Network;

/// <summary>
/// The network policy of tools.md §2.2, in one place. <see cref="AdmitAsync"/> checks a URL and
/// returns the addresses that were checked; the HTTP gateway connects only to those, so a name
/// cannot resolve to a public address for the check and a private one for the connection.
/// </summary>
/// <remarks>Thread-safe (immutable after construction).</remarks>
internal sealed class NetworkPolicy
{
    private readonly bool _allowNetwork;
    private readonly bool _blockPrivate;
    private readonly IReadOnlyList<string> _allowedHosts;
    private readonly IReadOnlyList<string> _blockedHosts;
    private readonly HashSet<long> _blockedPorts;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;
    private readonly Func<IPAddress, bool> _isPrivate;

    /// <param name="config">The run's configuration ([tools.network], runtime.security).</param>
    /// <param name="resolve">Name resolution (tests substitute it; production uses DNS).</param>
    /// <param name="isPrivate">The private-address test (tests may declare the loopback server "public").</param>
    public NetworkPolicy(LlmSpellConfig config, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null, Func<IPAddress, bool>? isPrivate = null)
    {
        _isPrivate = isPrivate ?? PrivateAddresses.IsPrivate;
        _allowNetwork = config.GetBool("runtime.security.allow_network_access", true);
        _blockPrivate = config.GetBool("tools.network.block_private_addresses", true);
        _allowedHosts = config.Get("tools.network.allowed_hosts") is null ? ["*"] : config.GetStrings("tools.network.allowed_hosts");
        _blockedHosts = config.GetStrings("tools.network.blocked_hosts");
        _blockedPorts = [.. config.GetInts("tools.network.blocked_ports")];
        _resolve = resolve ?? ((host, ct) => Dns.GetHostAddressesAsync(host, ct));
    }

    public bool BlocksPrivateAddresses => _blockPrivate;

    /// <summary>
    /// Parses and checks a URL without touching the network (rules 1–4 and the always-private
    /// names). Raises invalid parameters for text that is not an absolute URL and a security
    /// violation for a denial.
    /// </summary>
    public Uri Check(string url, HostRules? extra = null)
    {
        if (!_allowNetwork)
        {
            throw ToolFailureException.Security("network access is disabled (runtime.security.allow_network_access)");
        }

        var uri = UrlRules.ParseHttpUrl(url);
        var host = UrlRules.NormalizedHost(uri);
        if (_blockedHosts.Any(p => HostPatterns.Matches(p, host)) || (extra?.Blocked.Any(p => HostPatterns.Matches(p, host)) ?? false))
        {
            throw ToolFailureException.Security($"host '{host}' is blocked by tools.network.blocked_hosts");
        }

        if (!_allowedHosts.Any(p => HostPatterns.Matches(p, host)) || (extra is { Allowed.Count: > 0 } && !extra.Allowed.Any(p => HostPatterns.Matches(p, host))))
        {
            throw ToolFailureException.Security($"host '{host}' is not in tools.network.allowed_hosts");
        }

        if (_blockedPorts.Contains(uri.Port))
        {
            throw ToolFailureException.Security($"port {uri.Port} is blocked by tools.network.blocked_ports");
        }

        if (_blockPrivate && PrivateAddresses.IsPrivateName(host))
        {
            throw PrivateHost(host);
        }

        return uri;
    }

    /// <summary>
    /// Full admission: <see cref="Check"/>, then resolution and the private-address rule.
    /// An unresolvable name throws <see cref="NetworkException"/> (kind Resolve), not a denial.
    /// </summary>
    public async Task<AdmittedUrl> AdmitAsync(string url, HostRules? extra, CancellationToken cancellationToken)
    {
        var uri = Check(url, extra);
        var host = UrlRules.NormalizedHost(uri);
        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = [.. (await _resolve(host, cancellationToken)).Where(PrivateAddresses.IsIpFamily)];
            }
            catch (SocketException ex)
            {
                throw new NetworkException(NetworkFailureKind.Resolve, $"could not resolve host '{host}'", ex);
            }

            if (addresses.Length == 0)
            {
                throw new NetworkException(NetworkFailureKind.Resolve, $"could not resolve host '{host}'");
            }
        }

        if (_blockPrivate && addresses.Any(_isPrivate))
        {
            throw PrivateHost(host);
        }

        return new AdmittedUrl(uri, host, addresses);
    }

    private static ToolFailureException PrivateHost(string host) =>
        ToolFailureException.Security($"host '{host}' is a private address; set tools.network.block_private_addresses = false to allow it");
}

/// <summary>Extra host rules of one tool (tools.http_request.allowed_hosts / blocked_hosts).</summary>
internal sealed record HostRules(IReadOnlyList<string> Allowed, IReadOnlyList<string> Blocked);

/// <summary>A URL that passed the policy, with the addresses the connection may use.</summary>
internal sealed record AdmittedUrl(Uri Uri, string Host, IReadOnlyList<IPAddress> Addresses);
