using System.Buffers.Binary;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>Ogg Vorbis identification/comment headers and duration from the last page's granule position.</summary>
internal static class OggParser
{
    public static AudioInfo Parse(byte[] head, byte[] tail)
    {
        var info = new AudioInfo();
        var ident = IndexOf(head, "\u0001vorbis"u8.ToArray());
        if (ident >= 0 && ident + 28 <= head.Length)
        {
            var p = head.AsSpan(ident + 7);
            info.Channels = p[4];
            info.SampleRate = (int)BinaryPrimitives.ReadUInt32LittleEndian(p[5..]);
            var nominal = BinaryPrimitives.ReadInt32LittleEndian(p[13..]);
            if (nominal > 0)
            {
                info.BitRate = nominal;
            }
        }

        var comments = IndexOf(head, "\u0003vorbis"u8.ToArray());
        if (comments >= 0)
        {
            VorbisComments.Read(head, comments + 7, head.Length, info);
        }

        var lastPage = LastIndexOf(tail, "OggS"u8.ToArray());
        if (lastPage >= 0 && lastPage + 14 <= tail.Length && info.SampleRate is > 0)
        {
            var granule = BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(lastPage + 6));
            if (granule > 0)
            {
                info.DurationSeconds = Math.Round((double)granule / info.SampleRate.Value, 3);
            }
        }

        return info;
    }

    private static int IndexOf(byte[] data, byte[] pattern) => data.AsSpan().IndexOf(pattern);

    private static int LastIndexOf(byte[] data, byte[] pattern) => data.AsSpan().LastIndexOf(pattern);
}
