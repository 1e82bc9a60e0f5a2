namespace LlmSpell.Tools.Sys.Media;

/// <summary>What the container parsers found; null members were not present.</summary>
internal sealed class VideoInfo
{
    public double? DurationSeconds { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    public double? Fps { get; set; }

    public string? VideoCodec { get; set; }

    public string? AudioCodec { get; set; }

    public static string Codec(string raw) => raw.Trim() switch
    {
        "avc1" or "avc3" or "H264" or "h264" or "X264" or "x264" or "V_MPEG4/ISO/AVC" => "h264",
        "hvc1" or "hev1" or "HEVC" or "V_MPEGH/ISO/HEVC" => "hevc",
        "mp4v" or "XVID" or "xvid" or "DIVX" or "divx" or "DX50" or "FMP4" or "V_MPEG4/ISO/ASP" => "mpeg4",
        "vp08" or "V_VP8" => "vp8",
        "vp09" or "V_VP9" => "vp9",
        "av01" or "V_AV1" => "av1",
        "MJPG" or "mjpg" or "jpeg" => "mjpeg",
        "mp4a" or "A_AAC" => "aac",
        "Opus" or "A_OPUS" => "opus",
        "A_VORBIS" => "vorbis",
        "ac-3" or "A_AC3" => "ac3",
        "ec-3" or "A_EAC3" => "eac3",
        "A_MPEG/L3" or ".mp3" => "mp3",
        "A_FLAC" or "fLaC" => "flac",
        "lpcm" or "sowt" or "twos" or "A_PCM/INT/LIT" => "pcm",
        var other => other.ToLowerInvariant(),
    };
}
