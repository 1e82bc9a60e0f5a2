using System.Buffers.Binary;
using System.Text;

namespace LlmSpell.Tools.Tests.Sys;

/// <summary>Builds small, structurally valid media files byte by byte for the media tool tests.</summary>
internal static class MediaSamples
{
    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    public static byte[] Ascii(string s) => Encoding.Latin1.GetBytes(s);

    public static byte[] U32Le(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return b;
    }

    public static byte[] U16Le(ushort v)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, v);
        return b;
    }

    public static byte[] U32Be(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, v);
        return b;
    }

    public static byte[] U16Be(ushort v)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, v);
        return b;
    }

    /// <summary>A 16-bit PCM WAV with a sine tone and a LIST/INFO title.</summary>
    public static byte[] Wav(int rate, int channels, int bits, double seconds, string? title = null)
    {
        var frames = (int)(rate * seconds);
        var bytes = bits / 8;
        var data = new byte[frames * channels * bytes];
        for (var f = 0; f < frames; f++)
        {
            var v = Math.Sin(2 * Math.PI * 440 * f / rate) * 0.5;
            for (var c = 0; c < channels; c++)
            {
                var span = data.AsSpan((f * channels + c) * bytes, bytes);
                if (bits == 16)
                {
                    BinaryPrimitives.WriteInt16LittleEndian(span, (short)(v * 32767));
                }
                else
                {
                    span[0] = (byte)(128 + (v * 127));
                }
            }
        }

        var fmt = Concat(Ascii("fmt "), U32Le(16), U16Le(1), U16Le((ushort)channels), U32Le((uint)rate), U32Le((uint)(rate * channels * bytes)), U16Le((ushort)(channels * bytes)), U16Le((ushort)bits));
        var list = Array.Empty<byte>();
        if (title is not null)
        {
            var text = Concat(Ascii(title), [0]);
            var pad = text.Length % 2 == 1 ? new byte[] { 0 } : [];
            var inam = Concat(Ascii("INAM"), U32Le((uint)text.Length), text, pad);
            list = Concat(Ascii("LIST"), U32Le((uint)(4 + inam.Length)), Ascii("INFO"), inam);
        }

        var body = Concat(Ascii("WAVE"), fmt, list, Ascii("data"), U32Le((uint)data.Length), data);
        return Concat(Ascii("RIFF"), U32Le((uint)body.Length), body);
    }

    /// <summary>A FLAC stream header: STREAMINFO (44.1 kHz, 2 ch, 16 bit, 88200 samples) and a Vorbis comment.</summary>
    public static byte[] Flac()
    {
        var info = new byte[34];
        // sample rate 44100 (20 bits), channels-1 = 1 (3 bits), bps-1 = 15 (5 bits), total samples 88200 (36 bits)
        ulong packed = (44100UL << 44) | (1UL << 41) | (15UL << 36) | 88200UL;
        BinaryPrimitives.WriteUInt64BigEndian(info.AsSpan(10), packed);
        var comment = Concat(U32Le(4), Ascii("test"), U32Le(2), U32Le(11), Ascii("TITLE=Song1"), U32Le(12), Ascii("ARTIST=Band1"));
        return Concat(Ascii("fLaC"), [0x00, 0, 0, 34], info, [0x84, 0, 0, (byte)comment.Length], comment, new byte[64]);
    }

    /// <summary>An MP3: ID3v2.3 (title, artist) then an MPEG-1 Layer III 128 kbps 44.1 kHz stereo frame with a Xing header of 100 frames.</summary>
    public static byte[] Mp3()
    {
        static byte[] Frame(string id, string text)
        {
            var body = Concat([3], Encoding.UTF8.GetBytes(text));
            return Concat(Ascii(id), U32Be((uint)body.Length), [0, 0], body);
        }

        var frames = Concat(Frame("TIT2", "Tune"), Frame("TPE1", "Artist X"), Frame("TALB", "Album Y"), Frame("TYER", "2021"));
        var size = frames.Length;
        var id3 = Concat(Ascii("ID3"), [3, 0, 0], [(byte)((size >> 21) & 0x7F), (byte)((size >> 14) & 0x7F), (byte)((size >> 7) & 0x7F), (byte)(size & 0x7F)], frames);
        var frame = new byte[417];
        frame[0] = 0xFF;
        frame[1] = 0xFB;
        frame[2] = 0x90;
        frame[3] = 0x00;
        Ascii("Xing").CopyTo(frame, 4 + 32);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4 + 32 + 4), 1);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4 + 32 + 8), 100);
        return Concat(id3, frame, frame);
    }

    /// <summary>An Ogg Vorbis stream: identification header (48 kHz, 2 ch, 160 kbps), comments, last page granule 96000.</summary>
    public static byte[] Ogg()
    {
        static byte[] Page(long granule, byte[] packet)
        {
            var header = new byte[27];
            Ascii("OggS").CopyTo(header, 0);
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(6), granule);
            header[26] = 1;
            return Concat(header, [(byte)packet.Length], packet);
        }

        var ident = Concat([1], Ascii("vorbis"), U32Le(0), [2], U32Le(48000), U32Le(0), U32Le(160000), U32Le(0), [0xB8, 1]);
        var comments = Concat([3], Ascii("vorbis"), U32Le(3), Ascii("lib"), U32Le(1), U32Le(10), Ascii("ALBUM=Alb1"), [1]);
        return Concat(Page(0, ident), Page(0, comments), Page(96000, new byte[20]));
    }

    public static byte[] Box(string type, params byte[][] children)
    {
        var body = Concat(children);
        return Concat(U32Be((uint)(8 + body.Length)), Ascii(type), body);
    }

    public static byte[] FullBox(string type, byte version, params byte[][] children) => Box(type, Concat([version, 0, 0, 0], Concat(children)));

    private static byte[] Mvhd(uint scale, uint duration) => FullBox("mvhd", 0, U32Be(0), U32Be(0), U32Be(scale), U32Be(duration), new byte[80]);

    private static byte[] Mdhd(uint scale, uint duration) => FullBox("mdhd", 0, U32Be(0), U32Be(0), U32Be(scale), U32Be(duration), new byte[4]);

    private static byte[] Hdlr(string handler) => FullBox("hdlr", 0, U32Be(0), Ascii(handler), new byte[12], [0]);

    private static byte[] Stsd(byte[] entry) => FullBox("stsd", 0, U32Be(1), entry);

    private static byte[] AudioEntry(string codec, ushort channels, ushort rate) =>
        Box(codec, new byte[6], U16Be(1), new byte[8], U16Be(channels), U16Be(16), U16Be(0), U16Be(0), U16Be(rate), U16Be(0));

    private static byte[] Trak(byte[] tkhd, string handler, uint scale, uint duration, byte[] entry, byte[] stts) =>
        Box("trak", tkhd, Box("mdia", Mdhd(scale, duration), Hdlr(handler), Box("minf", Box("stbl", Stsd(entry), stts))));

    /// <summary>An M4A: ftyp M4A, 3-second mvhd, one mp4a track (2 ch, 44.1 kHz) and an ilst title.</summary>
    public static byte[] M4a()
    {
        var tkhd = FullBox("tkhd", 0, new byte[80]);
        var stts = FullBox("stts", 0, U32Be(0));
        var ilst = Box("ilst", Box("\u00a9nam", Box("data", U32Be(1), U32Be(0), Ascii("M4A Title"))));
        var meta = FullBox("meta", 0, Hdlr("mdir"), ilst);
        var moov = Box("moov", Mvhd(1000, 3000), Trak(tkhd, "soun", 44100, 132300, AudioEntry("mp4a", 2, 44100), stts), Box("udta", meta));
        return Concat(Box("ftyp", Ascii("M4A "), U32Be(0), Ascii("isomM4A ")), moov, Box("mdat", new byte[16]));
    }

    /// <summary>An MP4: 10 s, 640x360 avc1 at 25 fps (stts 250 × 1000 at timescale 25000) plus an mp4a track.</summary>
    public static byte[] Mp4()
    {
        var tkhd = FullBox("tkhd", 0, new byte[72], U32Be(640u << 16), U32Be(360u << 16));
        var video = Box("avc1", new byte[6], U16Be(1), new byte[16], U16Be(640), U16Be(360), new byte[50]);
        var vstts = FullBox("stts", 0, U32Be(1), U32Be(250), U32Be(1000));
        var atkhd = FullBox("tkhd", 0, new byte[80]);
        var moov = Box("moov", Mvhd(600, 6000), Trak(tkhd, "vide", 25000, 250000, video, vstts), Trak(atkhd, "soun", 48000, 480000, AudioEntry("mp4a", 2, 48000), FullBox("stts", 0, U32Be(0))));
        return Concat(Box("ftyp", Ascii("isom"), U32Be(512), Ascii("isomavc1")), Box("mdat", new byte[64]), moov);
    }

    private static byte[] Ebml(uint id, byte[] payload)
    {
        var idBytes = id > 0xFFFFFF ? U32Be(id) : id > 0xFFFF ? U32Be(id)[1..] : id > 0xFF ? U16Be((ushort)id) : [(byte)id];
        var size = U32Be((uint)payload.Length | 0x10000000u);
        return Concat(idBytes, size, payload);
    }

    /// <summary>A WebM: 5 s (TimecodeScale 1 ms, Duration 5000.0), VP9 1280x720 at 30 fps and an Opus track.</summary>
    public static byte[] Webm()
    {
        var header = Ebml(0x1A45DFA3, Ebml(0x4282, Ascii("webm")));
        var duration = new byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(duration, 5000.0);
        var info = Ebml(0x1549A966, Concat(Ebml(0x2AD7B1, U32Be(1_000_000)), Ebml(0x4489, duration)));
        var video = Ebml(0xAE, Concat(Ebml(0x83, [1]), Ebml(0x86, Ascii("V_VP9")), Ebml(0x23E383, U32Be(33_333_333)), Ebml(0xE0, Concat(Ebml(0xB0, U16Be(1280)), Ebml(0xBA, U16Be(720))))));
        var audio = Ebml(0xAE, Concat(Ebml(0x83, [2]), Ebml(0x86, Ascii("A_OPUS"))));
        var segment = Ebml(0x18538067, Concat(info, Ebml(0x1654AE6B, Concat(video, audio)), Ebml(0x1F43B675, new byte[8])));
        return Concat(header, segment);
    }

    /// <summary>An AVI: 320x240 XVID at 25 fps (40000 µs per frame), 50 frames, with an mp3 audio stream.</summary>
    public static byte[] Avi()
    {
        static byte[] Chunk(string id, byte[] body) => Concat(Ascii(id), U32Le((uint)body.Length), body);
        static byte[] List(string type, params byte[][] children) => Chunk("LIST", Concat(Ascii(type), Concat(children)));
        var avih = Chunk("avih", Concat(U32Le(40000), U32Le(0), U32Le(0), U32Le(0), U32Le(50), U32Le(0), U32Le(2), U32Le(0), U32Le(320), U32Le(240), new byte[16]));
        var vstrl = List("strl", Chunk("strh", Concat(Ascii("vids"), Ascii("XVID"), new byte[48])), Chunk("strf", new byte[40]));
        var astrl = List("strl", Chunk("strh", Concat(Ascii("auds"), new byte[52])), Chunk("strf", Concat(U16Le(0x55), new byte[16])));
        var body = Concat(Ascii("AVI "), List("hdrl", avih, vstrl, astrl), List("movi"));
        return Concat(Ascii("RIFF"), U32Le((uint)body.Length), body);
    }
}
