using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LlmSpell.Values;

/// <summary>
/// Writes the neutral value model as JSON text exactly as runtime.md §6.3 requires:
/// compact form with keys sorted by ordinal UTF-8 order, pretty form with two-space indent and
/// insertion order, integral floats written with ".0", shortest round-trip floats.
/// </summary>
/// <remarks>
/// System.Text.Json's writer cannot sort keys, writes 8.0 as "8" and escapes non-ASCII by default,
/// so the canonical form is produced here rather than through <see cref="JsonSerializer"/>.
/// </remarks>
public static class JsonText
{
    /// <summary>Compact JSON with sorted keys (JSON.stringify, script results, state).</summary>
    public static string Compact(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node, sortKeys: true, indent: -1, depth: 0);
        return sb.ToString();
    }

    /// <summary>Pretty JSON (two-space indent by default); keys sorted unless <paramref name="keepOrder"/>.</summary>
    public static string Pretty(JsonNode? node, bool keepOrder = false, int indent = 2)
    {
        var sb = new StringBuilder();
        Write(sb, node, sortKeys: !keepOrder, indent: Math.Max(0, indent), depth: 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode? node, bool sortKeys, int indent, int depth)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                WriteObject(sb, obj, sortKeys, indent, depth);
                break;
            case JsonArray arr:
                WriteArray(sb, arr, sortKeys, indent, depth);
                break;
            case JsonValue value:
                WriteValue(sb, value);
                break;
        }
    }

    private static void WriteObject(StringBuilder sb, JsonObject obj, bool sortKeys, int indent, int depth)
    {
        if (obj.Count == 0)
        {
            sb.Append("{}");
            return;
        }

        IEnumerable<KeyValuePair<string, JsonNode?>> items = obj;
        if (sortKeys)
        {
            items = obj.OrderBy(p => p.Key, Utf8Ordinal.Instance);
        }

        sb.Append('{');
        var first = true;
        foreach (var (key, value) in items)
        {
            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            NewLine(sb, indent, depth + 1);
            WriteString(sb, key);
            sb.Append(indent >= 0 ? ": " : ":");
            Write(sb, value, sortKeys, indent, depth + 1);
        }

        NewLine(sb, indent, depth);
        sb.Append('}');
    }

    private static void WriteArray(StringBuilder sb, JsonArray arr, bool sortKeys, int indent, int depth)
    {
        if (arr.Count == 0)
        {
            sb.Append("[]");
            return;
        }

        sb.Append('[');
        for (var i = 0; i < arr.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            NewLine(sb, indent, depth + 1);
            Write(sb, arr[i], sortKeys, indent, depth + 1);
        }

        NewLine(sb, indent, depth);
        sb.Append(']');
    }

    private static void NewLine(StringBuilder sb, int indent, int depth)
    {
        if (indent < 0)
        {
            return;
        }

        sb.Append('\n');
        sb.Append(' ', indent * depth);
    }

    private static void WriteValue(StringBuilder sb, JsonValue value)
    {
        switch (JsonValues.Classify(value))
        {
            case ValueKind.Boolean:
                sb.Append(value.GetValue<bool>() ? "true" : "false");
                break;
            case ValueKind.Integer:
                sb.Append(JsonValues.GetInteger(value).ToString(CultureInfo.InvariantCulture));
                break;
            case ValueKind.Float:
                sb.Append(FormatFloat(JsonValues.GetFloat(value)));
                break;
            case ValueKind.String:
                WriteString(sb, value.GetValue<string>());
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    /// <summary>Formats a double as JSON: shortest round-trip, ".0" for integral values, null for non-finite.</summary>
    public static string FormatFloat(double d)
    {
        if (!double.IsFinite(d))
        {
            return "null";
        }

        if (d == Math.Floor(d) && Math.Abs(d) < 1e21)
        {
            // Integral: plain digits plus ".0" ("-0.0" for negative zero keeps the float subtype).
            var text = d.ToString("F0", CultureInfo.InvariantCulture);
            if (d == 0 && double.IsNegative(d))
            {
                text = "-0";
            }

            return text + ".0";
        }

        var r = d.ToString("R", CultureInfo.InvariantCulture);
        // .NET writes "1E+21"; JSON and the spec use lower-case "1e+21".
        return r.Replace("E", "e", StringComparison.Ordinal);
    }

    /// <summary>Writes a JSON string literal: UTF-8 kept, control characters and quotes escaped, '/' not escaped.</summary>
    public static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>Parses JSON text into the neutral model; errors carry line and column (1-based).</summary>
    /// <exception cref="JsonParseException">The text is not valid JSON.</exception>
    public static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var col = (ex.BytePositionInLine ?? 0) + 1;
            var reason = ex.Message;
            var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut < 0)
            {
                cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            }

            if (cut > 0)
            {
                reason = reason[..cut];
            }

            throw new JsonParseException(reason.TrimEnd('.', ' ') + $" at line {line} column {col}", (int)line, (int)col);
        }
    }

    private sealed class Utf8Ordinal : IComparer<string>
    {
        public static readonly Utf8Ordinal Instance = new();

        // UTF-16 ordinal order differs from UTF-8 byte order only for surrogate pairs versus
        // U+E000..U+FFFF; compare by code point to match UTF-8 byte order exactly.
        public int Compare(string? x, string? y)
        {
            if (x is null || y is null)
            {
                return string.CompareOrdinal(x, y);
            }

            var n = Math.Min(x.Length, y.Length);
            for (var i = 0; i < n; i++)
            {
                var a = x[i];
                var b = y[i];
                if (a == b)
                {
                    continue;
                }

                if (char.IsSurrogate(a) != char.IsSurrogate(b) && (a >= 0xD800 || b >= 0xD800))
                {
                    return char.IsSurrogate(a) ? 1 : -1;
                }

                return a.CompareTo(b);
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}
