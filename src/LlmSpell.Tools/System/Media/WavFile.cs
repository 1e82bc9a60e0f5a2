using System.Buffers.Binary;
using System.Text;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>
/// RIFF/WAVE header parsing and PCM sample access. Hand-written: the common .NET audio library
/// (NAudio) targets Windows; the RIFF layout is small and fully specified.
/// </summary>
internal sealed class WavFile
{
    public int FormatTag { get; private init; }

    public int Channels { get; private init; }

    public int SampleRate { get; private init; }

    public int BitsPerSample { get; private init; }

    public int ByteRate { get; private init; }

    public int BlockAlign { get; private init; }

    public int DataOffset { get; private init; } = -1;

    public int DataLength { get; private init; }

    public Dictionary<string, string> Info { get; } = new(StringComparer.Ordinal);

    /// <summary>True for integer PCM (format 1, or WAVE_FORMAT_EXTENSIBLE with the PCM sub-format).</summary>
    public bool IsPcm { get; private init; }

    public static WavFile? Parse(byte[] data)
    {
        if (MediaFormats.Ascii(data, 0, 4) != "RIFF" || MediaFormats.Ascii(data, 8, 4) != "WAVE")
        {
            return null;
        }

        int tag = 0, channels = 0, rate = 0, bits = 0, byteRate = 0, align = 0, dataOffset = -1, dataLength = 0;
        var pcm = false;
        var info = new Dictionary<string, string>(StringComparer.Ordinal);
        var pos = 12;
        while (pos + 8 <= data.Length)
        {
            var id = MediaFormats.Ascii(data, pos, 4);
            var declared = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(pos + 4));
            var size = (int)Math.Min(declared, (uint)(data.Length - pos - 8));
            var body = pos + 8;
            if (id == "fmt " && size >= 16)
            {
                tag = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(body));
                channels = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(body + 2));
                rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(body + 4));
                byteRate = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(body + 8));
                align = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(body + 12));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(body + 14));
                pcm = tag == 1 || (tag == 0xFFFE && size >= 26 && BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(body + 24)) == 1);
            }
            else if (id == "data")
            {
                (dataOffset, dataLength) = (body, (int)Math.Min(declared, int.MaxValue));
            }
            else if (id == "LIST" && MediaFormats.Ascii(data, body, 4) == "INFO")
            {
                ReadInfo(data, body + 4, body + size, info);
            }

            pos = body + size + (size & 1);
        }

        var wav = new WavFile
        {
            FormatTag = tag, Channels = channels, SampleRate = rate, BitsPerSample = bits, ByteRate = byteRate,
            BlockAlign = align, DataOffset = dataOffset, DataLength = dataLength, IsPcm = pcm,
        };
        foreach (var (k, v) in info)
        {
            wav.Info[k] = v;
        }

        return wav;
    }

    public AudioInfo Describe()
    {
        var info = new AudioInfo
        {
            SampleRate = SampleRate > 0 ? SampleRate : null,
            Channels = Channels > 0 ? Channels : null,
            BitDepth = BitsPerSample > 0 ? BitsPerSample : null,
            BitRate = ByteRate > 0 ? ByteRate * 8L : null,
            DurationSeconds = ByteRate > 0 && DataOffset >= 0 ? Math.Round((double)DataLength / ByteRate, 3) : null,
        };
        info.Title = Info.GetValueOrDefault("INAM");
        info.Artist = Info.GetValueOrDefault("IART");
        info.Album = Info.GetValueOrDefault("IPRD");
        info.Year = Info.GetValueOrDefault("ICRD");
        return info;
    }

    /// <summary>Decodes the PCM data to [frame][channel] samples in -1..1.</summary>
    public double[][] ReadSamples(byte[] data)
    {
        var bytes = BitsPerSample / 8;
        var frames = Math.Min(DataLength, data.Length - DataOffset) / BlockAlign;
        var result = new double[frames][];
        for (var f = 0; f < frames; f++)
        {
            var frame = new double[Channels];
            for (var c = 0; c < Channels; c++)
            {
                frame[c] = PcmCodec.Decode(data.AsSpan(DataOffset + (f * BlockAlign) + (c * bytes), bytes), BitsPerSample);
            }

            result[f] = frame;
        }

        return result;
    }

    private static void ReadInfo(byte[] data, int pos, int end, Dictionary<string, string> info)
    {
        while (pos + 8 <= end)
        {
            var id = MediaFormats.Ascii(data, pos, 4);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(pos + 4)), (uint)(end - pos - 8));
            info[id] = Encoding.UTF8.GetString(data, pos + 8, size).TrimEnd('\0', ' ');
            pos += 8 + size + (size & 1);
        }
    }
}
