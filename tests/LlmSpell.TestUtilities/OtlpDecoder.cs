using System.Text;

namespace LlmSpell.TestUtilities;

/// <summary>
/// Decodes the parts of OTLP protobuf messages that tests check (opentelemetry-proto
/// trace/v1 and metrics/v1): span names, ids, attributes and events; metric names. Written for
/// the test receiver so the wire format itself is what the tests read.
/// </summary>
public static class OtlpDecoder
{
    /// <summary>ExportTraceServiceRequest → spans (resource_spans=1 → scope_spans=2 → spans=2).</summary>
    public static List<OtlpSpan> Spans(ReadOnlySpan<byte> request)
    {
        var spans = new List<OtlpSpan>();
        foreach (var resourceSpans in Fields(request, 1))
        {
            foreach (var scopeSpans in Fields(resourceSpans, 2))
            {
                foreach (var span in Fields(scopeSpans, 2))
                {
                    spans.Add(Span(span));
                }
            }
        }

        return spans;
    }

    /// <summary>ExportMetricsServiceRequest → metric names (resource_metrics=1 → scope_metrics=2 → metrics=2 → name=1).</summary>
    public static List<string> MetricNames(ReadOnlySpan<byte> request)
    {
        var names = new List<string>();
        foreach (var resourceMetrics in Fields(request, 1))
        {
            foreach (var scopeMetrics in Fields(resourceMetrics, 2))
            {
                foreach (var metric in Fields(scopeMetrics, 2))
                {
                    names.AddRange(Fields(metric, 1).Select(b => Encoding.UTF8.GetString(b)));
                }
            }
        }

        return names;
    }

    private static OtlpSpan Span(byte[] span)
    {
        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var kv in Fields(span, 9))
        {
            var (key, value) = KeyValue(kv);
            attributes[key] = value;
        }

        var events = Fields(span, 11).Select(e => Fields(e, 2).Select(n => Encoding.UTF8.GetString(n)).FirstOrDefault() ?? "").ToList();
        return new OtlpSpan(
            Fields(span, 5).Select(b => Encoding.UTF8.GetString(b)).FirstOrDefault() ?? "",
            Hex(Fields(span, 1).FirstOrDefault()),
            Hex(Fields(span, 2).FirstOrDefault()),
            Hex(Fields(span, 4).FirstOrDefault()),
            attributes,
            events);
    }

    private static (string Key, object? Value) KeyValue(byte[] kv)
    {
        var key = Fields(kv, 1).Select(b => Encoding.UTF8.GetString(b)).FirstOrDefault() ?? "";
        object? value = null;
        foreach (var any in Fields(kv, 2))
        {
            value = AnyValue(any);
        }

        return (key, value);
    }

    // AnyValue: string_value=1, bool_value=2, int_value=3, double_value=4, array_value=5.
    private static object? AnyValue(byte[] any)
    {
        var reader = new Reader(any);
        while (reader.Next(out var field, out var wire, out var bytes, out var number))
        {
            switch (field)
            {
                case 1 when wire == 2:
                    return Encoding.UTF8.GetString(bytes);
                case 2 when wire == 0:
                    return number != 0;
                case 3 when wire == 0:
                    return (long)number;
                case 4 when wire == 1:
                    return BitConverter.Int64BitsToDouble((long)number);
                case 5 when wire == 2:
                    return Fields(bytes, 1).Select(AnyValue).ToArray();
            }
        }

        return null;
    }

    private static string Hex(byte[]? bytes) => bytes is null ? "" : Convert.ToHexString(bytes).ToLowerInvariant();

    /// <summary>The length-delimited values of field <paramref name="number"/> of a message.</summary>
    public static List<byte[]> Fields(ReadOnlySpan<byte> message, int number)
    {
        var result = new List<byte[]>();
        var reader = new Reader(message.ToArray());
        while (reader.Next(out var field, out var wire, out var bytes, out _))
        {
            if (field == number && wire == 2)
            {
                result.Add(bytes);
            }
        }

        return result;
    }

    private sealed class Reader(byte[] data)
    {
        private int _pos;

        public bool Next(out int field, out int wire, out byte[] bytes, out ulong number)
        {
            bytes = [];
            number = 0;
            field = 0;
            wire = 0;
            if (_pos >= data.Length)
            {
                return false;
            }

            var tag = Varint();
            field = (int)(tag >> 3);
            wire = (int)(tag & 7);
            switch (wire)
            {
                case 0:
                    number = Varint();
                    break;
                case 1:
                    number = BitConverter.ToUInt64(data, _pos);
                    _pos += 8;
                    break;
                case 2:
                    var length = (int)Varint();
                    bytes = data[_pos..(_pos + length)];
                    _pos += length;
                    break;
                case 5:
                    number = BitConverter.ToUInt32(data, _pos);
                    _pos += 4;
                    break;
                default:
                    throw new InvalidDataException($"unsupported protobuf wire type {wire}");
            }

            return true;
        }

        private ulong Varint()
        {
            ulong value = 0;
            var shift = 0;
            while (true)
            {
                var b = data[_pos++];
                value |= (ulong)(b & 0x7f) << shift;
                if ((b & 0x80) == 0)
                {
                    return value;
                }

                shift += 7;
            }
        }
    }
}
