using System.Buffers.Binary;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>MP4/MOV video metadata from mvhd, tkhd, mdhd, stsd and stts.</summary>
internal static class Mp4VideoParser
{
    public static VideoInfo? Parse(string path)
    {
        var moov = IsoBmffFile.LoadMoov(path);
        if (moov is null)
        {
            return null;
        }

        var info = new VideoInfo();
        if (IsoBmff.Find(moov, 0, moov.Length, "moov/mvhd") is { } mvhd)
        {
            var (scale, duration) = IsoBmff.TimeHeader(moov, mvhd);
            info.DurationSeconds = scale > 0 ? Math.Round((double)duration / scale, 3) : null;
        }

        foreach (var trak in IsoBmff.All(moov, 8, moov.Length, "trak"))
        {
            var handler = IsoBmff.Handler(moov, trak);
            var entry = IsoBmff.SampleEntry(moov, trak);
            if (handler == "vide" && info.VideoCodec is null)
            {
                info.VideoCodec = entry is { } e ? VideoInfo.Codec(e.Type) : null;
                if (IsoBmff.Find(moov, trak.Start, trak.End, "tkhd") is { } tkhd)
                {
                    var offset = tkhd.Start + (moov[tkhd.Start] == 1 ? 88 : 76);
                    if (offset + 8 <= tkhd.End)
                    {
                        info.Width = (int)(BinaryPrimitives.ReadUInt32BigEndian(moov.AsSpan(offset)) >> 16);
                        info.Height = (int)(BinaryPrimitives.ReadUInt32BigEndian(moov.AsSpan(offset + 4)) >> 16);
                    }
                }

                info.Fps = FrameRate(moov, trak);
            }
            else if (handler == "soun" && info.AudioCodec is null && entry is { } a)
            {
                info.AudioCodec = VideoInfo.Codec(a.Type);
            }
        }

        return info;
    }

    private static double? FrameRate(byte[] moov, IsoBmff.Box trak)
    {
        if (IsoBmff.Find(moov, trak.Start, trak.End, "mdia/mdhd") is not { } mdhd
            || IsoBmff.Find(moov, trak.Start, trak.End, "mdia/minf/stbl/stts") is not { } stts)
        {
            return null;
        }

        var (scale, _) = IsoBmff.TimeHeader(moov, mdhd);
        var entries = BinaryPrimitives.ReadUInt32BigEndian(moov.AsSpan(stts.Start + 4));
        ulong samples = 0, ticks = 0;
        for (var i = 0; i < entries && stts.Start + 16 + (i * 8) <= stts.End; i++)
        {
            var count = BinaryPrimitives.ReadUInt32BigEndian(moov.AsSpan(stts.Start + 8 + (i * 8)));
            var delta = BinaryPrimitives.ReadUInt32BigEndian(moov.AsSpan(stts.Start + 12 + (i * 8)));
            samples += count;
            ticks += (ulong)count * delta;
        }

        return ticks > 0 && scale > 0 ? SysText.Round(samples * (double)scale / ticks, 3) : null;
    }
}
