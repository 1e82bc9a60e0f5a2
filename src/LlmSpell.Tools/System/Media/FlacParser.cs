using System.Buffers.Binary;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>FLAC STREAMINFO and VORBIS_COMMENT blocks (hand-written: a few fixed bit fields).</summary>
internal static class FlacParser
{
    public static AudioInfo Parse(byte[] data, long fileSize)
    {
        var info = new AudioInfo();
        var pos = 4;
        while (pos + 4 <= data.Length)
        {
            var last = (data[pos] & 0x80) != 0;
            var type = data[pos] & 0x7F;
            var length = (data[pos + 1] << 16) | (data[pos + 2] << 8) | data[pos + 3];
            var body = pos + 4;
            if (body + length > data.Length)
            {
                break;
            }

            if (type == 0 && length >= 18)
            {
                var b = data.AsSpan(body + 10);
                var rate = (b[0] << 12) | (b[1] << 4) | (b[2] >> 4);
                var channels = ((b[2] >> 1) & 0x7) + 1;
                var bits = (((b[2] & 1) << 4) | (b[3] >> 4)) + 1;
                var total = ((long)(b[3] & 0x0F) << 32) | BinaryPrimitives.ReadUInt32BigEndian(b[4..]);
                info.SampleRate = rate;
                info.Channels = channels;
                info.BitDepth = bits;
                if (rate > 0 && total > 0)
                {
                    info.DurationSeconds = Math.Round((double)total / rate, 3);
                    info.BitRate = (long)(fileSize * 8 / (info.DurationSeconds.Value > 0 ? info.DurationSeconds.Value : 1));
                }
            }
            else if (type == 4)
            {
                VorbisComments.Read(data, body, body + length, info);
            }

            if (last)
            {
                break;
            }

            pos = body + length;
        }

        return info;
    }
}
