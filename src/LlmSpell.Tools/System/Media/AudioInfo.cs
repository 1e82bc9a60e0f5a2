namespace LlmSpell.Tools.Sys.Media;

/// <summary>What the audio header parsers found; null members were not present in the file.</summary>
internal sealed class AudioInfo
{
    public double? DurationSeconds { get; set; }

    public int? SampleRate { get; set; }

    public int? Channels { get; set; }

    public int? BitDepth { get; set; }

    /// <summary>Bits per second.</summary>
    public long? BitRate { get; set; }

    public string? Title { get; set; }

    public string? Artist { get; set; }

    public string? Album { get; set; }

    public string? Year { get; set; }
}
