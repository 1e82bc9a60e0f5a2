using System.Buffers.Binary;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>PCM sample encoding/decoding and the WAV writer used by audio conversion.</summary>
internal static class PcmCodec
{
    public static double Decode(ReadOnlySpan<byte> s, int bits) => bits switch
    {
        8 => (s[0] - 128) / 128.0,
        16 => BinaryPrimitives.ReadInt16LittleEndian(s) / 32768.0,
        24 => ((s[0] | (s[1] << 8) | (s[2] << 16)) << 8 >> 8) / 8388608.0,
        _ => BinaryPrimitives.ReadInt32LittleEndian(s) / 2147483648.0,
    };

    public static void Encode(Span<byte> d, int bits, double value)
    {
        var v = Math.Clamp(value, -1.0, 1.0);
        switch (bits)
        {
            case 8:
                d[0] = (byte)Math.Clamp(Math.Round((v * 128) + 128), 0, 255);
                break;
            case 16:
                BinaryPrimitives.WriteInt16LittleEndian(d, (short)Math.Clamp(Math.Round(v * 32768), short.MinValue, short.MaxValue));
                break;
            case 24:
                var i24 = (int)Math.Clamp(Math.Round(v * 8388608), -8388608, 8388607);
                d[0] = (byte)i24;
                d[1] = (byte)(i24 >> 8);
                d[2] = (byte)(i24 >> 16);
                break;
            default:
                BinaryPrimitives.WriteInt32LittleEndian(d, (int)Math.Clamp(Math.Round(v * 2147483648.0), int.MinValue, int.MaxValue));
                break;
        }
    }

    /// <summary>Channel mapping: down-mix to mono by averaging, up-mix mono by copying, otherwise wrap.</summary>
    public static double[][] MapChannels(double[][] frames, int from, int to)
    {
        if (from == to)
        {
            return frames;
        }

        return [.. frames.Select(f => to == 1 ? [f.Average()] : Enumerable.Range(0, to).Select(c => f[c % from]).ToArray())];
    }

    /// <summary>Linear-interpolation resampling.</summary>
    public static double[][] Resample(double[][] frames, int fromRate, int toRate)
    {
        if (fromRate == toRate || frames.Length == 0)
        {
            return frames;
        }

        var count = (int)Math.Max(1, Math.Round(frames.Length * (double)toRate / fromRate));
        var channels = frames[0].Length;
        var result = new double[count][];
        for (var i = 0; i < count; i++)
        {
            var pos = i * (double)fromRate / toRate;
            var i0 = Math.Min((int)pos, frames.Length - 1);
            var i1 = Math.Min(i0 + 1, frames.Length - 1);
            var t = pos - i0;
            var frame = new double[channels];
            for (var c = 0; c < channels; c++)
            {
                frame[c] = (frames[i0][c] * (1 - t)) + (frames[i1][c] * t);
            }

            result[i] = frame;
        }

        return result;
    }

    /// <summary>A canonical 44-byte-header PCM WAV file.</summary>
    public static byte[] WriteWav(double[][] frames, int channels, int rate, int bits)
    {
        var bytes = bits / 8;
        var dataLength = frames.Length * channels * bytes;
        var output = new byte[44 + dataLength];
        var span = output.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(36 + dataLength));
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)(rate * channels * bytes));
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)(channels * bytes));
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], (ushort)bits);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)dataLength);
        var pos = 44;
        foreach (var frame in frames)
        {
            foreach (var sample in frame)
            {
                Encode(span.Slice(pos, bytes), bits, sample);
                pos += bytes;
            }
        }

        return output;
    }
}
