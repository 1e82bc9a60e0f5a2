using System.Buffers.Binary;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>AVI: the avih main header and the strh/strf stream headers of the hdrl list (hand-written RIFF walk).</summary>
internal static class AviParser
{
    public static VideoInfo Parse(byte[] data)
    {
        var info = new VideoInfo();
        Walk(data, 12, data.Length, info);
        return info;
    }

    private static void Walk(byte[] data, int pos, int end, VideoInfo info)
    {
        string? streamType = null;
        while (pos + 8 <= end)
        {
            var id = MediaFormats.Ascii(data, pos, 4);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(pos + 4)), (uint)(end - pos - 8));
            var body = pos + 8;
            switch (id)
            {
                case "LIST" when MediaFormats.Ascii(data, body, 4) is "hdrl" or "strl":
                    Walk(data, body + 4, body + size, info);
                    break;
                case "LIST" when MediaFormats.Ascii(data, body, 4) == "movi":
                    return;
                case "avih" when size >= 40:
                    var usPerFrame = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(body));
                    var frames = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(body + 16));
                    info.Width = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(body + 32));
                    info.Height = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(body + 36));
                    if (usPerFrame > 0)
                    {
                        info.Fps = SysText.Round(1e6 / usPerFrame, 3);
                        info.DurationSeconds = Math.Round(frames * (double)usPerFrame / 1e6, 3);
                    }

                    break;
                case "strh" when size >= 8:
                    streamType = MediaFormats.Ascii(data, body, 4);
                    if (streamType == "vids")
                    {
                        info.VideoCodec ??= VideoInfo.Codec(MediaFormats.Ascii(data, body + 4, 4));
                    }

                    break;
                case "strf" when streamType == "auds" && size >= 2:
                    info.AudioCodec ??= BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(body)) switch
                    {
                        0x0001 => "pcm",
                        0x0055 => "mp3",
                        0x00FF => "aac",
                        0x2000 => "ac3",
                        var tag => $"0x{tag:x4}",
                    };
                    break;
            }

            pos = body + size + (size & 1);
        }
    }
}
