using System.Buffers.Binary;
using System.Text;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>
/// MP3: ID3v2 text frames, the first MPEG audio frame header, and Xing/Info or VBRI frame counts for
/// VBR duration. Hand-written: no maintained managed tag library is available on our package mirror.
/// </summary>
internal static class Mp3Parser
{
    private static readonly int[] BitratesV1L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0];
    private static readonly int[] BitratesV1L2 = [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 0];
    private static readonly int[] BitratesV1L1 = [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448, 0];
    private static readonly int[] BitratesV2L1 = [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256, 0];
    private static readonly int[] BitratesV2L23 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0];
    private static readonly int[] RatesV1 = [44100, 48000, 32000, 0];

    public static AudioInfo Parse(byte[] data, long fileSize)
    {
        var info = new AudioInfo();
        var audioStart = 0;
        if (MediaFormats.Ascii(data, 0, 3) == "ID3" && data.Length >= 10)
        {
            var tagSize = Synchsafe(data.AsSpan(6));
            ReadId3(data, data[3], Math.Min(10 + tagSize, data.Length), info);
            audioStart = 10 + tagSize + ((data[5] & 0x10) != 0 ? 10 : 0);
        }

        for (var pos = audioStart; pos + 4 <= data.Length; pos++)
        {
            if (data[pos] != 0xFF || (data[pos + 1] & 0xE0) != 0xE0 || !TryHeader(data, pos, info, fileSize - pos))
            {
                continue;
            }

            break;
        }

        return info;
    }

    private static bool TryHeader(byte[] data, int pos, AudioInfo info, long audioBytes)
    {
        int b1 = data[pos + 1], b2 = data[pos + 2], b3 = data[pos + 3];
        var version = (b1 >> 3) & 3;
        var layer = (b1 >> 1) & 3;
        var bitrateIndex = b2 >> 4;
        var rateIndex = (b2 >> 2) & 3;
        if (version == 1 || layer == 0 || bitrateIndex is 0 or 15 || rateIndex == 3)
        {
            return false;
        }

        var mpeg1 = version == 3;
        var rate = RatesV1[rateIndex] / (mpeg1 ? 1 : version == 2 ? 2 : 4);
        var table = (mpeg1, layer) switch
        {
            (true, 1) => BitratesV1L3,
            (true, 2) => BitratesV1L2,
            (true, _) => BitratesV1L1,
            (false, 3) => BitratesV2L1,
            _ => BitratesV2L23,
        };
        var bitrate = table[bitrateIndex] * 1000;
        var mono = (b3 >> 6) == 3;
        var samplesPerFrame = layer == 3 ? 384 : (layer == 1 && !mpeg1) ? 576 : 1152;
        info.SampleRate = rate;
        info.Channels = mono ? 1 : 2;
        info.BitRate = bitrate;

        var frames = XingFrames(data, pos, mpeg1, mono) ?? VbriFrames(data, pos);
        if (frames is > 0)
        {
            info.DurationSeconds = Math.Round((double)frames.Value * samplesPerFrame / rate, 3);
            info.BitRate = (long)(audioBytes * 8 / info.DurationSeconds.Value);
        }
        else if (bitrate > 0)
        {
            info.DurationSeconds = Math.Round(audioBytes * 8.0 / bitrate, 3);
        }

        return true;
    }

    private static long? XingFrames(byte[] data, int frame, bool mpeg1, bool mono)
    {
        var offset = frame + 4 + (mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17));
        var tag = MediaFormats.Ascii(data, offset, 4);
        if ((tag != "Xing" && tag != "Info") || offset + 12 > data.Length)
        {
            return null;
        }

        var flags = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset + 4));
        return (flags & 1) != 0 ? BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset + 8)) : null;
    }

    private static long? VbriFrames(byte[] data, int frame)
    {
        var offset = frame + 36;
        return MediaFormats.Ascii(data, offset, 4) == "VBRI" && offset + 18 <= data.Length
            ? BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset + 14))
            : null;
    }

    private static void ReadId3(byte[] data, int major, int end, AudioInfo info)
    {
        var pos = 10;
        var idLength = major == 2 ? 3 : 4;
        var headerLength = major == 2 ? 6 : 10;
        while (pos + headerLength <= end)
        {
            var id = MediaFormats.Ascii(data, pos, idLength);
            if (id.Length == 0 || id[0] == '\0')
            {
                break;
            }

            var size = major switch
            {
                2 => (data[pos + 3] << 16) | (data[pos + 4] << 8) | data[pos + 5],
                4 => Synchsafe(data.AsSpan(pos + 4)),
                _ => (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(pos + 4)),
            };
            var body = pos + headerLength;
            if (size <= 0 || body + size > end)
            {
                break;
            }

            var text = Text(data.AsSpan(body, size));
            switch (id)
            {
                case "TIT2" or "TT2":
                    info.Title = text;
                    break;
                case "TPE1" or "TP1":
                    info.Artist = text;
                    break;
                case "TALB" or "TAL":
                    info.Album = text;
                    break;
                case "TYER" or "TDRC" or "TYE":
                    info.Year = text;
                    break;
            }

            pos = body + size;
        }
    }

    private static string Text(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < 1)
        {
            return string.Empty;
        }

        var body = frame[1..];
        var text = frame[0] switch
        {
            1 => body.Length >= 2 && body[0] == 0xFE ? Encoding.BigEndianUnicode.GetString(body[2..]) : Encoding.Unicode.GetString(body.Length >= 2 && body[0] == 0xFF ? body[2..] : body),
            2 => Encoding.BigEndianUnicode.GetString(body),
            3 => Encoding.UTF8.GetString(body),
            _ => Encoding.Latin1.GetString(body),
        };
        return text.TrimEnd('\0');
    }

    private static int Synchsafe(ReadOnlySpan<byte> b) => (b[0] << 21) | (b[1] << 14) | (b[2] << 7) | b[3];
}
