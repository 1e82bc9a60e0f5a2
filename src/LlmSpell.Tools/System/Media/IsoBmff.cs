using System.Buffers.Binary;
using System.Text;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>
/// A minimal ISO base media file format (MP4/MOV/M4A) box walker. Hand-written: no maintained,
/// license-compatible managed library reads these headers; only the boxes the tools need are parsed.
/// </summary>
internal static class IsoBmff
{
    private static readonly HashSet<string> Containers = ["moov", "trak", "mdia", "minf", "stbl", "udta", "ilst", "edts", "dinf"];

    /// <summary>A box: type, payload start and end (absolute offsets into the buffer).</summary>
    public readonly record struct Box(string Type, int Start, int End);

    /// <summary>The child boxes in <c>[start, end)</c>.</summary>
    public static IEnumerable<Box> Children(byte[] data, int start, int end)
    {
        var pos = start;
        while (pos + 8 <= end)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(pos));
            var type = Encoding.Latin1.GetString(data, pos + 4, 4);
            var header = 8;
            if (size == 1 && pos + 16 <= end)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(pos + 8));
                header = 16;
            }
            else if (size == 0)
            {
                size = end - pos;
            }

            if (size < header || pos + size > end)
            {
                yield break;
            }

            yield return new Box(type, pos + header, (int)(pos + size));
            pos += (int)size;
        }
    }

    /// <summary>The first box along a path of types ("moov/trak/mdia"), or null.</summary>
    public static Box? Find(byte[] data, int start, int end, string path)
    {
        Box? current = null;
        foreach (var part in path.Split('/'))
        {
            var (s, e) = current is { } c ? (c.Start + (c.Type == "meta" ? 4 : 0), c.End) : (start, end);
            current = Children(data, s, e).Cast<Box?>().FirstOrDefault(b => b!.Value.Type == part);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>All boxes of a type below the container boxes, depth-first.</summary>
    public static IEnumerable<Box> All(byte[] data, int start, int end, string type)
    {
        foreach (var box in Children(data, start, end))
        {
            if (box.Type == type)
            {
                yield return box;
            }

            if (Containers.Contains(box.Type))
            {
                foreach (var inner in All(data, box.Start, box.End, type))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>(timescale, duration) of an mvhd or mdhd full box.</summary>
    public static (uint Timescale, ulong Duration) TimeHeader(byte[] data, Box box)
    {
        var version = data[box.Start];
        var p = box.Start + 4;
        return version == 1
            ? (BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(p + 16)), BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(p + 20)))
            : (BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(p + 8)), BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(p + 12)));
    }

    /// <summary>The handler type of a trak (vide, soun, ...).</summary>
    public static string? Handler(byte[] data, Box trak) =>
        Find(data, trak.Start, trak.End, "mdia/hdlr") is { } h && h.End - h.Start >= 12 ? Encoding.Latin1.GetString(data, h.Start + 8, 4) : null;

    /// <summary>The first sample entry of a trak's stsd (the codec four-cc box).</summary>
    public static Box? SampleEntry(byte[] data, Box trak)
    {
        if (Find(data, trak.Start, trak.End, "mdia/minf/stbl/stsd") is not { } stsd || stsd.End - stsd.Start < 16)
        {
            return null;
        }

        return Children(data, stsd.Start + 8, stsd.End).Cast<Box?>().FirstOrDefault();
    }

    /// <summary>The iTunes-style tag value (©nam, ©ART, ©alb, ©day) from moov/udta/meta/ilst.</summary>
    public static string? Tag(byte[] data, string name)
    {
        if (Find(data, 0, data.Length, "moov/udta/meta/ilst") is not { } ilst)
        {
            return null;
        }

        var item = Children(data, ilst.Start, ilst.End).Cast<Box?>().FirstOrDefault(b => b!.Value.Type == name);
        if (item is null || Children(data, item.Value.Start, item.Value.End).Cast<Box?>().FirstOrDefault(b => b!.Value.Type == "data") is not { } value)
        {
            return null;
        }

        return value.End - value.Start > 8 ? Encoding.UTF8.GetString(data, value.Start + 8, value.End - value.Start - 8) : null;
    }
}
