using System.Buffers.Binary;
using System.Text;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>
/// Matroska/WebM: EBML header, Segment/Info (TimecodeScale, Duration) and Tracks (codec, pixel size,
/// DefaultDuration). Hand-written: no maintained managed Matroska reader exists; EBML is a simple
/// variable-length TLV format and only a handful of elements are needed.
/// </summary>
internal static class MatroskaParser
{
    private const uint Segment = 0x18538067, Info = 0x1549A966, Tracks = 0x1654AE6B, TrackEntry = 0xAE, Cluster = 0x1F43B675;

    public static VideoInfo Parse(byte[] data)
    {
        var info = new VideoInfo();
        foreach (var (id, start, end) in Elements(data, 0, data.Length))
        {
            if (id == Segment)
            {
                ParseSegment(data, start, end, info);
            }
        }

        return info;
    }

    private static void ParseSegment(byte[] data, int start, int end, VideoInfo info)
    {
        foreach (var (id, s, e) in Elements(data, start, end))
        {
            if (id == Info)
            {
                ulong scale = 1_000_000;
                double? duration = null;
                foreach (var (cid, cs, ce) in Elements(data, s, e))
                {
                    if (cid == 0x2AD7B1)
                    {
                        scale = UInt(data, cs, ce);
                    }
                    else if (cid == 0x4489)
                    {
                        duration = ce - cs == 4 ? BinaryPrimitives.ReadSingleBigEndian(data.AsSpan(cs)) : BinaryPrimitives.ReadDoubleBigEndian(data.AsSpan(cs));
                    }
                }

                if (duration is { } d)
                {
                    info.DurationSeconds = Math.Round(d * scale / 1e9, 3);
                }
            }
            else if (id == Tracks)
            {
                foreach (var (tid, ts, te) in Elements(data, s, e))
                {
                    if (tid == TrackEntry)
                    {
                        ParseTrack(data, ts, te, info);
                    }
                }
            }
            else if (id == Cluster)
            {
                return;
            }
        }
    }

    private static void ParseTrack(byte[] data, int start, int end, VideoInfo info)
    {
        ulong type = 0, defaultDuration = 0;
        string? codec = null;
        int? width = null, height = null;
        foreach (var (id, s, e) in Elements(data, start, end))
        {
            switch (id)
            {
                case 0x83:
                    type = UInt(data, s, e);
                    break;
                case 0x86:
                    codec = Encoding.ASCII.GetString(data, s, e - s).TrimEnd('\0');
                    break;
                case 0x23E383:
                    defaultDuration = UInt(data, s, e);
                    break;
                case 0xE0:
                    foreach (var (vid, vs, ve) in Elements(data, s, e))
                    {
                        if (vid == 0xB0)
                        {
                            width = (int)UInt(data, vs, ve);
                        }
                        else if (vid == 0xBA)
                        {
                            height = (int)UInt(data, vs, ve);
                        }
                    }

                    break;
            }
        }

        if (type == 1 && info.VideoCodec is null)
        {
            info.VideoCodec = codec is null ? null : VideoInfo.Codec(codec);
            info.Width = width;
            info.Height = height;
            info.Fps = defaultDuration > 0 ? SysText.Round(1e9 / defaultDuration, 3) : null;
        }
        else if (type == 2 && info.AudioCodec is null && codec is not null)
        {
            info.AudioCodec = VideoInfo.Codec(codec);
        }
    }

    /// <summary>The elements in <c>[start, end)</c>: id (with marker bits), payload start and end; unknown sizes run to <paramref name="end"/>.</summary>
    public static IEnumerable<(uint Id, int Start, int End)> Elements(byte[] data, int start, int end)
    {
        var pos = start;
        while (pos < end)
        {
            var idLength = VintLength(data[pos]);
            if (idLength is 0 or > 4 || pos + idLength >= end)
            {
                yield break;
            }

            uint id = 0;
            for (var i = 0; i < idLength; i++)
            {
                id = (id << 8) | data[pos + i];
            }

            pos += idLength;
            var sizeLength = VintLength(data[pos]);
            if (sizeLength == 0 || pos + sizeLength > end)
            {
                yield break;
            }

            ulong size = (ulong)(data[pos] & (0xFF >> sizeLength));
            var allOnes = size == (ulong)(0xFF >> sizeLength);
            for (var i = 1; i < sizeLength; i++)
            {
                size = (size << 8) | data[pos + i];
                allOnes &= data[pos + i] == 0xFF;
            }

            pos += sizeLength;
            var payloadEnd = allOnes || size > (ulong)(end - pos) ? end : pos + (int)size;
            yield return (id, pos, payloadEnd);
            pos = payloadEnd;
        }
    }

    private static int VintLength(byte first)
    {
        for (var i = 0; i < 8; i++)
        {
            if ((first & (0x80 >> i)) != 0)
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static ulong UInt(byte[] data, int start, int end)
    {
        ulong value = 0;
        for (var i = start; i < end && i < start + 8; i++)
        {
            value = (value << 8) | data[i];
        }

        return value;
    }
}
