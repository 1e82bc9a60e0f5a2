using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LlmSpell.Tools.Utility.Uuid;

/// <summary>
/// UUID versions 1, 4, 5 and 7 (RFC 9562). .NET provides v4 and v7; v1 (time + random node) and v5
/// (SHA-1 name-based) are a few lines of byte layout, written here because no library is needed.
/// </summary>
internal static class UuidFactory
{
    public static readonly Guid Dns = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    public static readonly Guid Url = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
    public static readonly Guid Oid = new("6ba7b812-9dad-11d1-80b4-00c04fd430c8");
    public static readonly Guid X500 = new("6ba7b814-9dad-11d1-80b4-00c04fd430c8");

    // 100-ns intervals between the Gregorian reform (1582-10-15) and the Unix epoch.
    private const long GregorianOffset = 0x01B21DD213814000L;

    public static Guid V4() => Guid.NewGuid();

    public static Guid V7(DateTimeOffset now) => Guid.CreateVersion7(now);

    public static Guid V5(Guid ns, string name)
    {
        Span<byte> nsBytes = stackalloc byte[16];
        ns.TryWriteBytes(nsBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[16 + nameBytes.Length];
        nsBytes.CopyTo(buffer);
        nameBytes.CopyTo(buffer, 16);
        var hash = SHA1.HashData(buffer);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public static Guid V1(DateTimeOffset now)
    {
        var ticks = ((now.ToUnixTimeMilliseconds() * 10_000) + (now.Ticks % 10_000)) + GregorianOffset;
        Span<byte> b = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(b, (uint)(ticks & 0xFFFFFFFF));
        BinaryPrimitives.WriteUInt16BigEndian(b[4..], (ushort)((ticks >> 32) & 0xFFFF));
        BinaryPrimitives.WriteUInt16BigEndian(b[6..], (ushort)(((ticks >> 48) & 0x0FFF) | 0x1000));
        RandomNumberGenerator.Fill(b[8..]);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        b[10] |= 0x01; // multicast bit: a random node id, not a MAC address
        return new Guid(b, bigEndian: true);
    }

    public static string Format(Guid g, string format) => format switch
    {
        "simple" => g.ToString("N"),
        "urn" => "urn:uuid:" + g.ToString("D"),
        "braced" => g.ToString("B"),
        _ => g.ToString("D"),
    };

    /// <summary>Version number (bits 48–51) of a UUID.</summary>
    public static int VersionOf(Guid g) => g.Version;

    /// <summary>The variant name of a UUID.</summary>
    public static string VariantOf(Guid g)
    {
        var v = g.Variant;
        return v switch
        {
            < 8 => "NCS",
            < 12 => "RFC4122",
            < 14 => "Microsoft",
            _ => "Future",
        };
    }
}
