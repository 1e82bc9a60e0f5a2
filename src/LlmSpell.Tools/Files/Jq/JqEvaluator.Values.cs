using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Tools.Files.Jq;

/// <summary>Functions whose arguments are values: each argument output combination is applied to the input.</summary>
internal sealed partial class JqEvaluator
{
    private IEnumerable<JsonNode?> CallValueFunction(JqNode n, JsonNode? input, JqEnv env)
    {
        var args = n.Args;
        if (args.Count == 0)
        {
            return [Apply0(n.Name, input)];
        }

        if (args.Count == 1)
        {
            return Eval(args[0], input, env).ToList().Select(a => Apply1(n.Name, input, a));
        }

        throw new JqException($"unknown function '{n.Name}/{args.Count}'");
    }

    private JsonNode? Apply0(string name, JsonNode? v) => name switch
    {
        "length" => JqBuiltins.Length(v),
        "utf8bytelength" => JsonValue.Create((long)Encoding.UTF8.GetByteCount(JqBuiltins.StringArg(v, "utf8bytelength"))),
        "keys" => JqBuiltins.Keys(v, sorted: true),
        "keys_unsorted" => JqBuiltins.Keys(v, sorted: false),
        "add" => JqBuiltins.Add(v),
        "any" => JqValues.Bool(Iterate(v).Any(JqValues.IsTruthy)),
        "all" => JqValues.Bool(Iterate(v).All(JqValues.IsTruthy)),
        "min" => JqBuiltins.AsArray(v, "min").OrderBy(x => x, Comparer<JsonNode?>.Create(JqValues.Compare)).FirstOrDefault()?.DeepClone(),
        "max" => JqBuiltins.AsArray(v, "max").OrderBy(x => x, Comparer<JsonNode?>.Create(JqValues.Compare)).LastOrDefault()?.DeepClone(),
        "sort" => new JsonArray([.. JqBuiltins.AsArray(v, "sort").OrderBy(x => x, Comparer<JsonNode?>.Create(JqValues.Compare)).Select(JqValues.Clone)]),
        "unique" => new JsonArray([.. JqBuiltins.AsArray(v, "sort").OrderBy(x => x, Comparer<JsonNode?>.Create(JqValues.Compare)).Aggregate(new List<JsonNode?>(), (l, x) => { if (l.Count == 0 || !JqValues.Equal(l[^1], x)) { l.Add(x); } return l; }).Select(JqValues.Clone)]),
        "reverse" => v is null ? new JsonArray() : JqValues.Str(v) is { } rs ? JsonValue.Create(new string(rs.Reverse().ToArray())) : new JsonArray([.. JqBuiltins.AsArray(v, "reverse").Reverse().Select(JqValues.Clone)]),
        "flatten" => JqBuiltins.Flatten(v, 1e9),
        "first" => JqValues.Clone(IndexValue(v, JsonValue.Create(0L))),
        "last" => JqValues.Clone(IndexValue(v, JsonValue.Create(-1L))),
        "to_entries" => JqBuiltins.ToEntries(v),
        "from_entries" => JqBuiltins.FromEntries(v),
        "tostring" => JsonValue.Create(JqValues.ToStringValue(v)),
        "tonumber" => JqBuiltins.ToNumber(v),
        "type" => JsonValue.Create(JqValues.TypeName(v)),
        "ascii_downcase" => JsonValue.Create(JqBuiltins.StringArg(v, "ascii_downcase").ToLowerInvariant()),
        "ascii_upcase" => JsonValue.Create(JqBuiltins.StringArg(v, "ascii_upcase").ToUpperInvariant()),
        "trim" => JsonValue.Create(JqBuiltins.StringArg(v, "trim").Trim()),
        "ltrim" => JsonValue.Create(JqBuiltins.StringArg(v, "ltrim").TrimStart()),
        "rtrim" => JsonValue.Create(JqBuiltins.StringArg(v, "rtrim").TrimEnd()),
        "tojson" or "@json" => JsonValue.Create(JqValues.ToJson(v)),
        "fromjson" => JqBuiltins.FromJson(v),
        "floor" => JqValues.Num(Math.Floor(NumArg(v, "floor"))),
        "ceil" => JqValues.Num(Math.Ceiling(NumArg(v, "ceil"))),
        "round" => JqValues.Num(Math.Round(NumArg(v, "round"), MidpointRounding.AwayFromZero)),
        "fabs" or "abs" => JqValues.Num(Math.Abs(NumArg(v, "abs"))),
        "sqrt" => JqValues.Num(Math.Sqrt(NumArg(v, "sqrt"))),
        "now" => JsonValue.Create(Time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0),
        "todate" => JqBuiltins.ToDate(v),
        "fromdate" => JqBuiltins.FromDate(v),
        "@text" => JsonValue.Create(JqValues.ToStringValue(v)),
        "@base64" => JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(JqValues.ToStringValue(v)))),
        "@base64d" => JsonValue.Create(Encoding.UTF8.GetString(Convert.FromBase64String(JqBuiltins.StringArg(v, "@base64d")))),
        "@uri" => JsonValue.Create(Uri.EscapeDataString(JqValues.ToStringValue(v))),
        "@html" => JsonValue.Create(WebUtility.HtmlEncode(JqValues.ToStringValue(v))),
        "@sh" => JsonValue.Create("'" + JqValues.ToStringValue(v).Replace("'", "'\\''", StringComparison.Ordinal) + "'"),
        "@csv" => JsonValue.Create(string.Join(",", JqBuiltins.AsArray(v, "csv-format").Select(e => JqValues.Str(e) is { } s ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : JqValues.ToJson(e)))),
        "@tsv" => JsonValue.Create(string.Join("\t", JqBuiltins.AsArray(v, "tsv-format").Select(e => JqValues.Str(e) is { } s ? s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) : e is null ? "" : JqValues.ToJson(e)))),
        "explode" => new JsonArray([.. JqBuiltins.StringArg(v, "explode").EnumerateRunes().Select(r => (JsonNode)JsonValue.Create((long)r.Value))]),
        "implode" => JsonValue.Create(string.Concat(JqBuiltins.AsArray(v, "implode").Select(c => char.ConvertFromUtf32((int)NumArg(c, "implode"))))),
        "toarray" => v is JsonArray ? v : new JsonArray(JqValues.Clone(v)),
        "infinite" => JsonValue.Create(double.PositiveInfinity),
        "nan" => JsonValue.Create(double.NaN),
        "isnan" => JqValues.Bool(double.IsNaN(NumArg(v, "isnan"))),
        _ => throw new JqException($"unknown function '{name}/0'"),
    };

    private static double NumArg(JsonNode? v, string fn) => JqValues.Number(v) ?? throw new JqException($"{Describe(v)} number required ({fn})");

    private static JsonNode? Apply1(string name, JsonNode? v, JsonNode? a) => name switch
    {
        "has" => JqBuiltins.Has(v, a),
        "in" => JqBuiltins.Has(a, v),
        "contains" => JqValues.Bool(JqBuiltins.Contains(v, a)),
        "inside" => JqValues.Bool(JqBuiltins.Contains(a, v)),
        "flatten" => JqBuiltins.Flatten(v, NumArg(a, "flatten")),
        "split" => JqValues.Split(JqBuiltins.StringArg(v, "split"), JqBuiltins.StringArg(a, "split")),
        "join" => JqBuiltins.Join(v, a),
        "startswith" => JqValues.Bool(JqBuiltins.StringArg(v, "startswith").StartsWith(JqBuiltins.StringArg(a, "startswith"), StringComparison.Ordinal)),
        "endswith" => JqValues.Bool(JqBuiltins.StringArg(v, "endswith").EndsWith(JqBuiltins.StringArg(a, "endswith"), StringComparison.Ordinal)),
        "ltrimstr" => JqValues.Str(v) is { } s && JqValues.Str(a) is { } p && s.StartsWith(p, StringComparison.Ordinal) ? JsonValue.Create(s[p.Length..]) : JqValues.Clone(v),
        "rtrimstr" => JqValues.Str(v) is { } s && JqValues.Str(a) is { } p && s.EndsWith(p, StringComparison.Ordinal) && p.Length > 0 ? JsonValue.Create(s[..^p.Length]) : JqValues.Clone(v),
        "indices" or "index" or "rindex" => Indices(name, v, a),
        _ => throw new JqException($"unknown function '{name}/1'"),
    };

    private IEnumerable<JsonNode?> RegexFunction(JqNode n, JsonNode? input, JqEnv env)
    {
        var s = JqBuiltins.StringArg(input, n.Name);
        var flagsList = n.Args.Count == 2 ? Eval(n.Args[1], input, env).ToList() : [null];
        foreach (var flags in flagsList)
        {
            foreach (var pattern in Eval(n.Args[0], input, env).ToList())
            {
                var (re, global) = JqRegex.Compile(pattern, flags);
                var matches = JqRegex.Matches(re, s, global && n.Name != "test");
                if (n.Name == "test")
                {
                    yield return JqValues.Bool(matches.Any());
                    continue;
                }

                foreach (var m in matches)
                {
                    yield return n.Name == "match" ? JqRegex.MatchObject(re, m) : JqRegex.CaptureObject(re, m);
                }
            }
        }
    }

    private static JsonNode? TypeFilter(string name, JsonNode? v) => (name, JqValues.TypeName(v)) switch
    {
        ("values", "null") => null,
        ("values", _) => v,
        ("arrays", "array") or ("objects", "object") or ("booleans", "boolean") or ("numbers", "number") or ("strings", "string") or ("nulls", "null") => v,
        ("iterables", "array" or "object") => v,
        ("scalars", not ("array" or "object")) => v,
        _ => null,
    };

    private static bool PassesTypeFilter(string name, JsonNode? v) => name == "nulls" ? v is null || IsNull(v) : TypeFilter(name, v) is not null || (name == "scalars" && IsNull(v));

    private static JsonNode? Indices(string name, JsonNode? v, JsonNode? a)
    {
        var found = new List<long>();
        if (JqValues.Str(v) is { } s && JqValues.Str(a) is { } sub && sub.Length > 0)
        {
            for (var i = s.IndexOf(sub, StringComparison.Ordinal); i >= 0; i = s.IndexOf(sub, i + 1, StringComparison.Ordinal))
            {
                found.Add(i);
            }
        }
        else if (v is JsonArray arr)
        {
            var needle = a is JsonArray na ? na : new JsonArray(JqValues.Clone(a));
            for (var i = 0; i + needle.Count <= arr.Count && needle.Count > 0; i++)
            {
                if (Enumerable.Range(0, needle.Count).All(j => JqValues.Equal(arr[i + j], needle[j])))
                {
                    found.Add(i);
                }
            }
        }

        return name switch
        {
            "indices" => new JsonArray([.. found.Select(i => (JsonNode)JsonValue.Create(i))]),
            "index" => found.Count == 0 ? null : JsonValue.Create(found[0]),
            _ => found.Count == 0 ? null : JsonValue.Create(found[^1]),
        };
    }

    private IEnumerable<JsonNode?> Substitute(JqNode n, JsonNode? input, JqEnv env)
    {
        var s = JqBuiltins.StringArg(input, n.Name);
        foreach (var pattern in Eval(n.Args[0], input, env).ToList())
        {
            var flags = n.Args.Count == 3 ? Eval(n.Args[2], input, env).FirstOrDefault() : null;
            var (re, global) = JqRegex.Compile(pattern, flags);
            var sb = new StringBuilder();
            var last = 0;
            foreach (var m in JqRegex.Matches(re, s, global || n.Name == "gsub"))
            {
                sb.Append(s, last, m.Index - last);
                var replacement = Eval(n.Args[1], JqRegex.CaptureObject(re, m), env).FirstOrDefault();
                sb.Append(JqValues.Str(replacement) ?? throw new JqException($"{Describe(replacement)} cannot be added to a string"));
                last = m.Index + m.Length;
            }

            sb.Append(s, last, s.Length - last);
            yield return JsonValue.Create(sb.ToString());
        }
    }

    internal static string FormatNumber(double d) => d.ToString(CultureInfo.InvariantCulture);

    internal static bool IsNull(JsonNode? v) => JsonValues.Classify(v) == ValueKind.Null;
}
