using System.Text;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>Format detection from file signatures, with the extension as fallback (tools.md §5.26, §5.28).</summary>
internal static class MediaFormats
{
    public static string DetectAudio(byte[] head, string path)
    {
        if (Ascii(head, 0, 4) == "RIFF" && Ascii(head, 8, 4) == "WAVE")
        {
            return "wav";
        }

        if (Ascii(head, 0, 4) == "fLaC")
        {
            return "flac";
        }

        if (Ascii(head, 0, 4) == "OggS")
        {
            return "ogg";
        }

        if (Ascii(head, 4, 4) == "ftyp")
        {
            return "m4a";
        }

        if (Ascii(head, 0, 3) == "ID3" || (head.Length > 1 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0))
        {
            return "mp3";
        }

        var ext = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        return ext switch
        {
            "wav" or "mp3" or "flac" or "ogg" or "m4a" => ext,
            "oga" => "ogg",
            _ => "unknown",
        };
    }

    public static string DetectVideo(byte[] head, string path)
    {
        if (Ascii(head, 4, 4) == "ftyp")
        {
            return Ascii(head, 8, 4) == "qt  " ? "mov" : "mp4";
        }

        if (head.Length >= 4 && head[0] == 0x1A && head[1] == 0x45 && head[2] == 0xDF && head[3] == 0xA3)
        {
            return Encoding.ASCII.GetString(head).Contains("webm", StringComparison.Ordinal) ? "webm" : "mkv";
        }

        if (Ascii(head, 0, 4) == "RIFF" && Ascii(head, 8, 4) == "AVI ")
        {
            return "avi";
        }

        var ext = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        return ext switch
        {
            "mp4" or "m4v" => "mp4",
            "mov" or "mkv" or "webm" or "avi" => ext,
            _ => "unknown",
        };
    }

    public static string Ascii(byte[] data, int offset, int count) =>
        data.Length >= offset + count ? Encoding.ASCII.GetString(data, offset, count) : string.Empty;
}
