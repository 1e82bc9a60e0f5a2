using System.IO.Compression;

namespace LlmSpell.State.Backups;

/// <summary>
/// Compression of backup payloads with the codecs in the base library. zstd (the configured
/// default) and lz4 have no in-box implementation; they are written as gzip and the manifest
/// records the codec actually used, so restores never guess.
/// </summary>
internal static class BackupCodec
{
    /// <summary>The codec really used for a configured compression type.</summary>
    public static string Effective(string configured) => configured switch
    {
        "none" => "none",
        "brotli" => "brotli",
        _ => "gzip",
    };

    public static byte[] Compress(byte[] data, string codec, int level)
    {
        if (codec == "none")
        {
            return data;
        }

        var cl = level <= 3 ? CompressionLevel.Fastest : level >= 8 ? CompressionLevel.SmallestSize : CompressionLevel.Optimal;
        using var ms = new MemoryStream();
        using (Stream z = codec == "brotli" ? new BrotliStream(ms, cl) : new GZipStream(ms, cl))
        {
            z.Write(data);
        }

        return ms.ToArray();
    }

    /// <exception cref="InvalidDataException">The payload is corrupt or truncated.</exception>
    public static byte[] Decompress(byte[] data, string codec)
    {
        if (codec == "none")
        {
            return data;
        }

        using var input = new MemoryStream(data);
        using Stream z = codec == "brotli" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        z.CopyTo(output);
        return output.ToArray();
    }
}
