using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Tools.Files.Jq;

/// <summary>The built-in functions of the jq subset that take no filter arguments (pure value functions).</summary>
internal static class JqBuiltins
{
    private static readonly HashSet<string> Known =
    [
        "empty/0", "error/0", "error/1", "not/0", "length/0", "utf8bytelength/0", "keys/0", "keys_unsorted/0", "values/0", "add/0",
        "any/0", "any/1", "any/2", "all/0", "all/1", "all/2", "min/0", "max/0", "min_by/1", "max_by/1", "sort/0", "sort_by/1",
        "group_by/1", "unique/0", "unique_by/1", "reverse/0", "flatten/0", "flatten/1", "range/1", "range/2", "range/3",
        "first/0", "last/0", "first/1", "last/1", "limit/2", "to_entries/0", "from_entries/0", "with_entries/1", "paths/0",
        "paths/1", "path/1", "getpath/1", "setpath/2", "del/1", "tostring/0", "tonumber/0", "type/0", "ascii_downcase/0",
        "ascii_upcase/0", "split/1", "join/1", "test/1", "test/2", "match/1", "match/2", "capture/1", "capture/2", "sub/2",
        "sub/3", "gsub/2", "gsub/3", "startswith/1", "endswith/1", "ltrimstr/1", "rtrimstr/1", "tojson/0", "fromjson/0",
        "floor/0", "ceil/0", "round/0", "fabs/0", "sqrt/0", "now/0", "todate/0", "fromdate/0", "select/1", "map/1", "map_values/1",
        "has/1", "contains/1", "inside/1", "recurse/0", "recurse/1", "walk/1", "arrays/0", "objects/0", "iterables/0",
        "booleans/0", "numbers/0", "strings/0", "nulls/0", "scalars/0", "isempty/1", "indices/1", "index/1", "rindex/1",
        "@text/0", "@json/0", "@base64/0", "@base64d/0", "@uri/0", "@csv/0", "@tsv/0", "@html/0", "@sh/0", "implode/0", "explode/0",
        "abs/0", "infinite/0", "nan/0", "isnan/0", "not/0", "in/1", "toarray/0", "trim/0", "ltrim/0", "rtrim/0",
    ];

    public static bool Exists(string name, int arity) => Known.Contains($"{name}/{arity}");

    public static JsonNode? Length(JsonNode? v) => JsonValues.Classify(v) switch
    {
        ValueKind.Null => JsonValue.Create(0L),
        ValueKind.Boolean => throw new JqException($"boolean ({JqValues.ToJson(v)}) has no length"),
        ValueKind.Integer or ValueKind.Float => JqValues.Num(Math.Abs(JqValues.Number(v)!.Value)),
        ValueKind.String => JsonValue.Create((long)JqValues.Str(v)!.EnumerateRunes().Count()),
        ValueKind.Array => JsonValue.Create((long)((JsonArray)v!).Count),
        _ => JsonValue.Create((long)((JsonObject)v!).Count),
    };

    public static JsonArray Keys(JsonNode? v, bool sorted) => v switch
    {
        JsonObject o => new JsonArray([.. (sorted ? o.Select(p => p.Key).Order(StringComparer.Ordinal) : o.Select(p => p.Key)).Select(k => (JsonNode)JsonValue.Create(k))]),
        JsonArray a => new JsonArray([.. Enumerable.Range(0, a.Count).Select(i => (JsonNode)JsonValue.Create((long)i))]),
        _ => throw new JqException($"{JqEvaluator.Describe(v)} has no keys"),
    };

    public static JsonNode Has(JsonNode? v, JsonNode? key) => v switch
    {
        JsonObject o when JqValues.Str(key) is { } k => JqValues.Bool(o.ContainsKey(k)),
        JsonArray a when JqValues.Number(key) is { } d => JqValues.Bool(d >= 0 && d < a.Count),
        _ => throw new JqException($"Cannot check whether {JqValues.TypeName(v)} has a {JqValues.TypeName(key)} key"),
    };

    public static bool Contains(JsonNode? a, JsonNode? b)
    {
        if (JqValues.TypeName(a) != JqValues.TypeName(b))
        {
            throw new JqException($"{JqEvaluator.Describe(a)} and {JqEvaluator.Describe(b)} cannot have their containment checked");
        }

        return (a, b) switch
        {
            (JsonObject oa, JsonObject ob) => ob.All(p => oa.ContainsKey(p.Key) && Contains(oa[p.Key], p.Value)),
            (JsonArray xa, JsonArray xb) => xb.All(e => xa.Any(f => JqValues.TypeName(e) == JqValues.TypeName(f) && Contains(f, e))),
            _ when JqValues.Str(a) is { } s => s.Contains(JqValues.Str(b)!, StringComparison.Ordinal),
            _ => JqValues.Equal(a, b),
        };
    }

    public static JsonNode? Add(JsonNode? v) => v switch
    {
        JsonArray a => a.Aggregate((JsonNode?)null, JqValues.Add),
        JsonObject o => o.Select(p => p.Value).Aggregate((JsonNode?)null, JqValues.Add),
        null => null,
        _ => throw new JqException($"Cannot iterate over {JqEvaluator.Describe(v)}"),
    };

    public static JsonArray Flatten(JsonNode? v, double depth)
    {
        if (depth < 0)
        {
            throw new JqException("flatten depth must not be negative");
        }

        var result = new JsonArray();
        foreach (var e in AsArray(v, "flatten"))
        {
            if (e is JsonArray inner && depth > 0)
            {
                foreach (var f in Flatten(inner, depth - 1))
                {
                    result.Add(JqValues.Clone(f));
                }
            }
            else
            {
                result.Add(JqValues.Clone(e));
            }
        }

        return result;
    }

    public static JsonArray AsArray(JsonNode? v, string what) =>
        v as JsonArray ?? throw new JqException($"Cannot {what} {JqEvaluator.Describe(v)}; an array is required");

    public static JsonArray ToEntries(JsonNode? v) => v switch
    {
        JsonObject o => new JsonArray([.. o.Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = JqValues.Clone(p.Value) })]),
        JsonArray a => new JsonArray([.. a.Select((e, i) => (JsonNode)new JsonObject { ["key"] = (long)i, ["value"] = JqValues.Clone(e) })]),
        _ => throw new JqException($"{JqEvaluator.Describe(v)} has no keys"),
    };

    public static JsonObject FromEntries(JsonNode? v)
    {
        var result = new JsonObject();
        foreach (var e in AsArray(v, "use from_entries on"))
        {
            var o = e as JsonObject ?? throw new JqException($"Cannot index {JqValues.TypeName(e)} with \"key\"");
            var key = Pick(o, "key", "k", "name", "Name", "Key", "K");
            var name = JqValues.Str(key) ?? (JsonValues.Classify(key) is ValueKind.Integer or ValueKind.Float or ValueKind.Boolean ? JqValues.ToJson(key)
                : throw new JqException($"Cannot use {JqEvaluator.Describe(key)} as object key"));
            result[name] = JqValues.Clone(Pick(o, "value", "v", "Value", "V"));
        }

        return result;
    }

    private static JsonNode? Pick(JsonObject o, params string[] names)
    {
        foreach (var n in names)
        {
            if (o.TryGetPropertyValue(n, out var v) && v is not null && JqValues.IsTruthy(v))
            {
                return v;
            }
        }

        return names.Select(n => o[n]).FirstOrDefault(v => v is not null);
    }

    public static JsonNode ToNumber(JsonNode? v)
    {
        if (JqValues.Number(v) is { } d)
        {
            return JqValues.Num(d);
        }

        var s = JqValues.Str(v) ?? throw new JqException($"{JqEvaluator.Describe(v)} cannot be parsed as a number");
        return double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && s.Trim().Length > 0
            ? JqValues.Num(n)
            : throw new JqException($"Cannot parse '{s}' as JSON");
    }

    public static string StringArg(JsonNode? v, string fn) =>
        JqValues.Str(v) ?? throw new JqException($"{JqEvaluator.Describe(v)} cannot be used with {fn}: a string is required");

    public static JsonNode Join(JsonNode? v, JsonNode? sepNode)
    {
        var sep = StringArg(sepNode, "join");
        var sb = new StringBuilder();
        var first = true;
        foreach (var e in v is JsonObject o ? o.Select(p => p.Value) : AsArray(v, "join"))
        {
            sb.Append(first ? "" : sep);
            first = false;
            sb.Append(JsonValues.Classify(e) switch
            {
                ValueKind.Null => "",
                ValueKind.String => JqValues.Str(e),
                ValueKind.Boolean or ValueKind.Integer or ValueKind.Float => JqValues.ToJson(e),
                _ => throw new JqException($"Cannot join with {JqValues.TypeName(e)}"),
            });
        }

        return JsonValue.Create(sb.ToString());
    }

    public static JsonNode ToDate(JsonNode? v)
    {
        var secs = JqValues.Number(v) ?? throw new JqException("todate requires a number");
        return JsonValue.Create(DateTimeOffset.UnixEpoch.AddSeconds(Math.Floor(secs)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    public static JsonNode FromDate(JsonNode? v)
    {
        var s = StringArg(v, "fromdate");
        return DateTimeOffset.TryParseExact(s, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            ? JsonValue.Create(d.ToUnixTimeSeconds())
            : throw new JqException($"date \"{s}\" does not match format \"%Y-%m-%dT%H:%M:%SZ\"");
    }

    public static JsonNode? FromJson(JsonNode? v)
    {
        var s = StringArg(v, "fromjson");
        try
        {
            return JsonText.Parse(s);
        }
        catch (JsonParseException ex)
        {
            throw new JqException($"{s} (while parsing '{s}'): {ex.Message}");
        }
    }
}
