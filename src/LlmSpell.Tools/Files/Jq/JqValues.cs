using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Tools.Files.Jq;

/// <summary>Value helpers with jq semantics: ordering, truthiness, arithmetic, type names, JSON text.</summary>
internal static class JqValues
{
    public static readonly JsonNode True = JsonValue.Create(true);

    public static JsonNode? Clone(JsonNode? n) => n?.DeepClone();

    public static JsonNode Bool(bool b) => JsonValue.Create(b);

    /// <summary>A number; integral values within range stay integers (the value model keeps integers).</summary>
    public static JsonNode Num(double d) =>
        d == Math.Floor(d) && Math.Abs(d) < 9e15 ? JsonValue.Create((long)d) : JsonValue.Create(d);

    public static bool IsTruthy(JsonNode? n) => n is not null && !(n is JsonValue v && v.TryGetValue<bool>(out var b) && !b) && JsonValues.Classify(n) != ValueKind.Null;

    public static string? Str(JsonNode? n) => JsonValues.Classify(n) == ValueKind.String ? JsonValues.AsString(n) : null;

    public static double? Number(JsonNode? n) => JsonValues.IsNumber(n) ? JsonValues.AsDouble(n) : null;

    public static string TypeName(JsonNode? n) => JsonValues.Classify(n) switch
    {
        ValueKind.Null => "null",
        ValueKind.Boolean => "boolean",
        ValueKind.Integer or ValueKind.Float => "number",
        ValueKind.String => "string",
        ValueKind.Array => "array",
        _ => "object",
    };

    private static int Rank(JsonNode? n) => JsonValues.Classify(n) switch
    {
        ValueKind.Null => 0,
        ValueKind.Boolean => JsonValues.AsBool(n) == true ? 2 : 1,
        ValueKind.Integer or ValueKind.Float => 3,
        ValueKind.String => 4,
        ValueKind.Array => 5,
        _ => 6,
    };

    /// <summary>jq ordering: null &lt; false &lt; true &lt; numbers &lt; strings &lt; arrays &lt; objects.</summary>
    public static int Compare(JsonNode? a, JsonNode? b)
    {
        var (ra, rb) = (Rank(a), Rank(b));
        if (ra != rb)
        {
            return ra.CompareTo(rb);
        }

        switch (ra)
        {
            case 3:
                return Number(a)!.Value.CompareTo(Number(b)!.Value);
            case 4:
                return string.CompareOrdinal(Str(a), Str(b));
            case 5:
                var (xa, xb) = ((JsonArray)a!, (JsonArray)b!);
                for (var i = 0; i < Math.Min(xa.Count, xb.Count); i++)
                {
                    var c = Compare(xa[i], xb[i]);
                    if (c != 0)
                    {
                        return c;
                    }
                }

                return xa.Count.CompareTo(xb.Count);
            case 6:
                var (oa, ob) = ((JsonObject)a!, (JsonObject)b!);
                var ka = oa.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
                var kb = ob.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
                var keys = Compare(new JsonArray([.. ka.Select(k => (JsonNode)JsonValue.Create(k))]), new JsonArray([.. kb.Select(k => (JsonNode)JsonValue.Create(k))]));
                if (keys != 0)
                {
                    return keys;
                }

                foreach (var k in ka)
                {
                    var c = Compare(oa[k], ob[k]);
                    if (c != 0)
                    {
                        return c;
                    }
                }

                return 0;
            default:
                return 0;
        }
    }

    public static bool Equal(JsonNode? a, JsonNode? b) => Compare(a, b) == 0;

    public static JsonNode? Add(JsonNode? a, JsonNode? b)
    {
        if (JsonValues.Classify(a) == ValueKind.Null)
        {
            return Clone(b);
        }

        if (JsonValues.Classify(b) == ValueKind.Null)
        {
            return Clone(a);
        }

        if (Number(a) is { } x && Number(b) is { } y)
        {
            return Num(x + y);
        }

        if (Str(a) is { } s && Str(b) is { } t)
        {
            return JsonValue.Create(s + t);
        }

        if (a is JsonArray xa && b is JsonArray xb)
        {
            return new JsonArray([.. xa.Select(Clone), .. xb.Select(Clone)]);
        }

        if (a is JsonObject oa && b is JsonObject ob)
        {
            var r = (JsonObject)oa.DeepClone();
            foreach (var (k, v) in ob)
            {
                r[k] = Clone(v);
            }

            return r;
        }

        throw Cannot(a, b, "added");
    }

    public static JsonNode? Arith(string op, JsonNode? a, JsonNode? b)
    {
        if (op == "+")
        {
            return Add(a, b);
        }

        if (Number(a) is { } x && Number(b) is { } y)
        {
            return op switch
            {
                "-" => Num(x - y),
                "*" => Num(x * y),
                "/" when y == 0 => throw new JqException($"{TypeName(a)} ({ToJson(a)}) and {TypeName(b)} ({ToJson(b)}) cannot be divided because the divisor is zero"),
                "/" => Num(x / y),
                _ when (long)y == 0 => throw new JqException($"{TypeName(a)} ({ToJson(a)}) and {TypeName(b)} ({ToJson(b)}) cannot be divided because the divisor is zero"),
                _ => Num((long)x % (long)y),
            };
        }

        if (op == "-" && a is JsonArray xa && b is JsonArray xb)
        {
            return new JsonArray([.. xa.Where(e => !xb.Any(f => Equal(e, f))).Select(Clone)]);
        }

        if (op == "*" && a is JsonObject oa && b is JsonObject ob)
        {
            return DeepMerge(oa, ob);
        }

        if (op == "*" && (Str(a) ?? Str(b)) is { } s && (Number(b) ?? Number(a)) is { } n)
        {
            return n <= 0 ? null : JsonValue.Create(string.Concat(Enumerable.Repeat(s, (int)Math.Ceiling(n))));
        }

        if (op == "/" && Str(a) is { } str && Str(b) is { } sep)
        {
            return Split(str, sep);
        }

        throw Cannot(a, b, op switch { "-" => "subtracted", "*" => "multiplied", "/" => "divided", _ => "divided (remainder)" });
    }

    public static JsonArray Split(string s, string sep) =>
        s.Length == 0 ? [] : new JsonArray([.. (sep.Length == 0 ? s.Select(c => c.ToString()) : s.Split(sep)).Select(p => (JsonNode)JsonValue.Create(p))]);

    private static JsonObject DeepMerge(JsonObject a, JsonObject b)
    {
        var r = (JsonObject)a.DeepClone();
        foreach (var (k, v) in b)
        {
            r[k] = r[k] is JsonObject ra && v is JsonObject rb ? DeepMerge(ra, rb) : Clone(v);
        }

        return r;
    }

    private static JqException Cannot(JsonNode? a, JsonNode? b, string verb) =>
        new($"{TypeName(a)} ({Short(a)}) and {TypeName(b)} ({Short(b)}) cannot be {verb}");

    public static string Short(JsonNode? n)
    {
        var s = ToJson(n);
        return s.Length > 11 ? s[..10] + "..." : s;
    }

    /// <summary>Compact JSON keeping key order (jq's tojson).</summary>
    public static string ToJson(JsonNode? n)
    {
        var sb = new StringBuilder();
        Write(sb, n);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode? n)
    {
        switch (n)
        {
            case JsonObject o:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in o)
                {
                    sb.Append(first ? "" : ",");
                    first = false;
                    JsonText.WriteString(sb, k);
                    sb.Append(':');
                    Write(sb, v);
                }

                sb.Append('}');
                break;
            case JsonArray a:
                sb.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    sb.Append(i > 0 ? "," : "");
                    Write(sb, a[i]);
                }

                sb.Append(']');
                break;
            default:
                switch (JsonValues.Classify(n))
                {
                    case ValueKind.String:
                        JsonText.WriteString(sb, Str(n)!);
                        break;
                    case ValueKind.Float:
                        var d = Number(n)!.Value;
                        sb.Append(double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal) : "null");
                        break;
                    default:
                        sb.Append(JsonText.Compact(n));
                        break;
                }

                break;
        }
    }

    public static string ToStringValue(JsonNode? n) => Str(n) ?? ToJson(n);
}
