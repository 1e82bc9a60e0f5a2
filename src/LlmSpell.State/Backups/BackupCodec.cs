using System.IO.Compression;

namespace LlmSpell.State.Backups;

/// <summary>
/// Compression of backup payloads: zstd (the configured default; <c>lz4</c> maps to it, with a
/// warning at config load), gzip, brotli or none. The manifest records the codec used, so restores
/// never guess and backups written by earlier builds (gzip) stay readable.
/// </summary>
internal static class BackupCodec
{
    /// <summary>The codec really used for a configured compression type.</summary>
    public static string Effective(string configured) => configured switch
    {
        "none" => "none",
        "brotli" => "brotli",
        "gzip" => "gzip",
        _ => "zstd",
    };

    public static byte[] Compress(byte[] data, string codec, int level)
    {
        switch (codec)
        {
            case "none":
                return data;
            case "zstd":
                using (var zstd = new ZstdSharp.Compressor(Math.Clamp(level, 1, 22)))
                {
                    return zstd.Wrap(data).ToArray();
                }
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
        switch (codec)
        {
            case "none":
                return data;
            case "zstd":
                try
                {
                    using var zstd = new ZstdSharp.Decompressor();
                    return zstd.Unwrap(data).ToArray();
                }
                catch (ZstdSharp.ZstdException ex)
                {
                    throw new InvalidDataException($"zstd payload is corrupt: {ex.Message}", ex);
                }
        }

        using var input = new MemoryStream(data);
        using Stream z = codec == "brotli" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        z.CopyTo(output);
        return output.ToArray();
    }
}
