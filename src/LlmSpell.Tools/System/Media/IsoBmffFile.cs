using System.Buffers.Binary;
using System.Text;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>Loads only the <c>moov</c> box of an ISO-BMFF file (media data can be gigabytes; headers are small).</summary>
internal static class IsoBmffFile
{
    private const long MaxMoovBytes = 64L * 1024 * 1024;

    /// <summary>The bytes of the top-level moov box (header included), or null when absent.</summary>
    public static byte[]? LoadMoov(string path)
    {
        using var stream = File.OpenRead(path);
        var header = new byte[16];
        long pos = 0;
        while (pos + 8 <= stream.Length)
        {
            stream.Position = pos;
            stream.ReadExactly(header, 0, 8);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = Encoding.Latin1.GetString(header, 4, 4);
            if (size == 1)
            {
                stream.ReadExactly(header, 8, 8);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
            }
            else if (size == 0)
            {
                size = stream.Length - pos;
            }

            if (size < 8)
            {
                return null;
            }

            if (type == "moov")
            {
                if (size > MaxMoovBytes || pos + size > stream.Length)
                {
                    return null;
                }

                var moov = new byte[size];
                stream.Position = pos;
                stream.ReadExactly(moov);
                return moov;
            }

            pos += size;
        }

        return null;
    }
}
