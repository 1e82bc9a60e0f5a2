using System.Text.Json;
using System.Text.Json.Nodes;

namespace LlmSpell.Values;

/// <summary>
/// Helpers over <see cref="JsonNode"/>, the neutral value model shared by every layer.
/// The model distinguishes integers from floats (runtime.md §6): a value created from a
/// <see cref="long"/> or parsed from text without fraction/exponent is an integer.
/// </summary>
public static class JsonValues
{
    /// <summary>Classifies a node.</summary>
    public static ValueKind Classify(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return ValueKind.Null;
            case JsonObject:
                return ValueKind.Object;
            case JsonArray:
                return ValueKind.Array;
        }

        var v = (JsonValue)node;
        if (v.TryGetValue<JsonElement>(out var el))
        {
            return el.ValueKind switch
            {
                JsonValueKind.True or JsonValueKind.False => ValueKind.Boolean,
                JsonValueKind.String => ValueKind.String,
                JsonValueKind.Number => IsIntegerText(el) ? ValueKind.Integer : ValueKind.Float,
                JsonValueKind.Object => ValueKind.Object,
                JsonValueKind.Array => ValueKind.Array,
                _ => ValueKind.Null,
            };
        }

        // Values built in code hold one CLR type; the common ones are tested first (every script
        // result converts each of its values through here).
        if (v.TryGetValue<string>(out _))
        {
            return ValueKind.String;
        }

        if (v.TryGetValue<long>(out _))
        {
            return ValueKind.Integer;
        }

        if (v.TryGetValue<double>(out _))
        {
            return ValueKind.Float;
        }

        if (v.TryGetValue<bool>(out _))
        {
            return ValueKind.Boolean;
        }

        if (v.TryGetValue<char>(out _))
        {
            return ValueKind.String;
        }

        if (v.TryGetValue<int>(out _) || v.TryGetValue<short>(out _) ||
            v.TryGetValue<byte>(out _) || v.TryGetValue<uint>(out _) || v.TryGetValue<ulong>(out _) || v.TryGetValue<sbyte>(out _) ||
            v.TryGetValue<ushort>(out _))
        {
            return ValueKind.Integer;
        }

        if (v.TryGetValue<float>(out _) || v.TryGetValue<decimal>(out _))
        {
            return ValueKind.Float;
        }

        return ValueKind.Null;
    }

    private static bool IsIntegerText(JsonElement el)
    {
        var raw = el.GetRawText();
        foreach (var c in raw)
        {
            if (c is '.' or 'e' or 'E')
            {
                return false;
            }
        }

        return el.TryGetInt64(out _);
    }

    /// <summary>Reads an integer-kind value.</summary>
    public static long GetInteger(JsonValue v)
    {
        if (v.TryGetValue<JsonElement>(out var el))
        {
            return el.GetInt64();
        }

        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (v.TryGetValue<int>(out var i))
        {
            return i;
        }

        if (v.TryGetValue<ulong>(out var ul))
        {
            return unchecked((long)ul);
        }

        return Convert.ToInt64(v.GetValue<object>(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Reads any numeric value as a double.</summary>
    public static double GetFloat(JsonValue v)
    {
        if (v.TryGetValue<JsonElement>(out var el))
        {
            return el.GetDouble();
        }

        if (v.TryGetValue<double>(out var d))
        {
            return d;
        }

        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (v.TryGetValue<float>(out var f))
        {
            return f;
        }

        if (v.TryGetValue<decimal>(out var m))
        {
            return (double)m;
        }

        return Convert.ToDouble(v.GetValue<object>(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>True when the node is a number (integer or float).</summary>
    public static bool IsNumber(JsonNode? node) => Classify(node) is ValueKind.Integer or ValueKind.Float;

    /// <summary>Reads a number as double, or null when the node is not a number.</summary>
    public static double? AsDouble(JsonNode? node) =>
        node is JsonValue v && IsNumber(v) ? GetFloat(v) : null;

    /// <summary>Reads an integer (or integral float), or null.</summary>
    public static long? AsInteger(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        switch (Classify(v))
        {
            case ValueKind.Integer:
                return GetInteger(v);
            case ValueKind.Float:
                var d = GetFloat(v);
                return d == Math.Floor(d) && Math.Abs(d) < 9.2e18 ? (long)d : null;
            default:
                return null;
        }
    }

    /// <summary>Reads a string value, or null when the node is not a string.</summary>
    public static string? AsString(JsonNode? node) =>
        node is JsonValue v && Classify(v) == ValueKind.String ? v.GetValue<string>() : null;

    /// <summary>Reads a boolean, or null.</summary>
    public static bool? AsBool(JsonNode? node) =>
        node is JsonValue v && Classify(v) == ValueKind.Boolean ? v.GetValue<bool>() : null;

    /// <summary>
    /// Deep equality with numeric comparison (1 == 1.0), as used by compare-and-swap and conditions.
    /// </summary>
    public static bool DeepEquals(JsonNode? a, JsonNode? b)
    {
        var ka = Classify(a);
        var kb = Classify(b);
        if (ka is ValueKind.Integer or ValueKind.Float && kb is ValueKind.Integer or ValueKind.Float)
        {
            if (ka == ValueKind.Integer && kb == ValueKind.Integer)
            {
                return GetInteger((JsonValue)a!) == GetInteger((JsonValue)b!);
            }

            return GetFloat((JsonValue)a!) == GetFloat((JsonValue)b!);
        }

        if (ka != kb)
        {
            return false;
        }

        switch (ka)
        {
            case ValueKind.Null:
                return true;
            case ValueKind.Boolean:
                return AsBool(a) == AsBool(b);
            case ValueKind.String:
                return string.Equals(AsString(a), AsString(b), StringComparison.Ordinal);
            case ValueKind.Array:
                var xa = (JsonArray)a!;
                var xb = (JsonArray)b!;
                if (xa.Count != xb.Count)
                {
                    return false;
                }

                for (var i = 0; i < xa.Count; i++)
                {
                    if (!DeepEquals(xa[i], xb[i]))
                    {
                        return false;
                    }
                }

                return true;
            case ValueKind.Object:
                var oa = (JsonObject)a!;
                var ob = (JsonObject)b!;
                if (oa.Count != ob.Count)
                {
                    return false;
                }

                foreach (var (k, v) in oa)
                {
                    if (!ob.TryGetPropertyValue(k, out var w) || !DeepEquals(v, w))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>Deep copy (null-safe).</summary>
    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    /// <summary>Reads the value at a dotted path ("a.b.1.c"); numeric segments index arrays from 1.</summary>
    public static JsonNode? AtPath(JsonNode? root, string path, bool oneBasedArrays = true)
    {
        var current = root;
        foreach (var segment in path.Split('.'))
        {
            switch (current)
            {
                case JsonObject obj:
                    if (!obj.TryGetPropertyValue(segment, out current))
                    {
                        return null;
                    }

                    break;
                case JsonArray arr when int.TryParse(segment, out var idx):
                    var i = oneBasedArrays ? idx - 1 : idx;
                    if (i < 0 || i >= arr.Count)
                    {
                        return null;
                    }

                    current = arr[i];
                    break;
                default:
                    return null;
            }
        }

        return current;
    }

    /// <summary>Describes a node's type in the words scripts see ("string", "number", "table", ...).</summary>
    public static string ScriptTypeName(JsonNode? node) => Classify(node) switch
    {
        ValueKind.Null => "nil",
        ValueKind.Boolean => "boolean",
        ValueKind.Integer or ValueKind.Float => "number",
        ValueKind.String => "string",
        _ => "table",
    };
}
