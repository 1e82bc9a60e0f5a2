using System.Net;
using System.Net.Sockets;

namespace LlmSpell.Tools.Network;

/// <summary>
/// The loopback, private, link-local, shared, reserved and multicast ranges of tools.md §2.2.
/// Hand-written because the BCL has no "is publicly routable" test that matches the spec's list.
/// </summary>
internal static class PrivateAddresses
{
    private static readonly (IPAddress Network, int Prefix)[] Ranges =
    [
        (IPAddress.Parse("0.0.0.0"), 8),
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("224.0.0.0"), 4),
        (IPAddress.Parse("240.0.0.0"), 4),
        (IPAddress.Parse("::"), 128),
        (IPAddress.Parse("::1"), 128),
        (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("ff00::"), 8),
    ];

    /// <summary>Host names that are private whatever they resolve to.</summary>
    public static bool IsPrivateName(string host) =>
        host is "localhost" or "metadata" or "metadata.google.internal" || host.EndsWith(".localhost", StringComparison.Ordinal);

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        foreach (var (network, prefix) in Ranges)
        {
            if (network.AddressFamily == address.AddressFamily && InRange(bytes, network.GetAddressBytes(), prefix))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InRange(byte[] address, byte[] network, int prefix)
    {
        for (var i = 0; i < address.Length && prefix > 0; i++, prefix -= 8)
        {
            var mask = prefix >= 8 ? 0xFF : (byte)(0xFF << (8 - prefix));
            if ((address[i] & mask) != (network[i] & mask))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsIpFamily(IPAddress a) => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6;
}
