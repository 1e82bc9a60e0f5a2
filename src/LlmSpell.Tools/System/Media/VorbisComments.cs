using System.Buffers.Binary;
using System.Text;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>Vorbis comment lists (shared by FLAC and Ogg Vorbis): little-endian lengths, "KEY=value".</summary>
internal static class VorbisComments
{
    public static void Read(byte[] data, int pos, int end, AudioInfo info)
    {
        if (pos + 4 > end)
        {
            return;
        }

        var vendor = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(pos));
        pos += 4 + vendor;
        if (pos + 4 > end || vendor < 0)
        {
            return;
        }

        var count = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(pos));
        pos += 4;
        for (var i = 0; i < count && pos + 4 <= end; i++)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(pos));
            pos += 4;
            if (length < 0 || pos + length > end)
            {
                return;
            }

            var comment = Encoding.UTF8.GetString(data, pos, length);
            pos += length;
            var eq = comment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var value = comment[(eq + 1)..];
            switch (comment[..eq].ToUpperInvariant())
            {
                case "TITLE":
                    info.Title ??= value;
                    break;
                case "ARTIST":
                    info.Artist ??= value;
                    break;
                case "ALBUM":
                    info.Album ??= value;
                    break;
                case "DATE" or "YEAR":
                    info.Year ??= value;
                    break;
            }
        }
    }
}
