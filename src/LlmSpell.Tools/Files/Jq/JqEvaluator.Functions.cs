using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Files.Jq;

/// <summary>Function calls: value functions delegate to <see cref="JqBuiltins"/>, filter-taking ones are evaluated here.</summary>
internal sealed partial class JqEvaluator
{
    private IEnumerable<JsonNode?> CallFunction(JqNode n, JsonNode? input, JqEnv env)
    {
        var args = n.Args;
        switch (n.Name, args.Count)
        {
            case ("empty", 0):
                return [];
            case ("error", 0):
                throw new JqException(input);
            case ("error", 1):
                return Eval(args[0], input, env).Select<JsonNode?, JsonNode?>(m => throw new JqException(m));
            case ("not", 0):
                return [JqValues.Bool(!JqValues.IsTruthy(input))];
            case ("select", 1):
                return Eval(args[0], input, env).Where(JqValues.IsTruthy).Select(_ => input);
            case ("map", 1):
                return [new JsonArray([.. Iterate(input).SelectMany(x => Eval(args[0], x, env)).Select(JqValues.Clone)])];
            case ("map_values", 1):
                return [MapValues(input, args[0], env)];
            case ("with_entries", 1):
                var mapped = JqBuiltins.ToEntries(input).SelectMany(e => Eval(args[0], e, env)).Select(JqValues.Clone);
                return [JqBuiltins.FromEntries(new JsonArray([.. mapped]))];
            case ("path", 1):
                return Paths(args[0], [], input, env).Select(p => (JsonNode?)p.Path);
            case ("paths", 0):
                return Paths(new JqNode(JqNodeKind.RecurseAll), [], input, env).Skip(1).Select(p => (JsonNode?)p.Path);
            case ("paths", 1):
                return Paths(new JqNode(JqNodeKind.RecurseAll), [], input, env).Skip(1)
                    .Where(p => Eval(args[0], p.Value, env).Any(JqValues.IsTruthy)).Select(p => (JsonNode?)p.Path);
            case ("getpath", 1):
                return Eval(args[0], input, env).Select(p => GetPathSafe(input, p));
            case ("setpath", 2):
                return Cartesian(args[1], args[0], input, env, (v, p) => [SetPath(input, p as JsonArray ?? throw new JqException("Path must be specified as an array"), 0, v)]);
            case ("del", 1):
                return [DeletePaths(input, [.. Paths(args[0], [], input, env).Select(p => p.Path)])];
            case ("recurse", 0):
                return Recurse(input);
            case ("recurse", 1):
                return RecurseWith(input, args[0], env);
            case ("walk", 1):
                return [Walk(input, args[0], env)];
            case ("range", 1):
                return Eval(args[0], input, env).SelectMany(to => Range(0, Num(to), 1));
            case ("range", 2):
                return Cartesian(args[1], args[0], input, env, (to, from) => Range(Num(from), Num(to), 1));
            case ("range", 3):
                return Eval(args[2], input, env).ToList().SelectMany(step => Cartesian(args[1], args[0], input, env, (to, from) => Range(Num(from), Num(to), Num(step))));
            case ("first", 1):
                return Eval(args[0], input, env).Take(1);
            case ("last", 1):
                return Eval(args[0], input, env).TakeLast(1);
            case ("limit", 2):
                return Eval(args[0], input, env).SelectMany(c => Num(c) <= 0 ? [] : Eval(args[1], input, env).Take((int)Num(c)));
            case ("isempty", 1):
                return [JqValues.Bool(!Eval(args[0], input, env).Any())];
            case ("any", 1) or ("all", 1):
                var items = Iterate(input).Select(x => Eval(args[0], x, env).Any(JqValues.IsTruthy));
                return [JqValues.Bool(n.Name == "any" ? items.Any(b => b) : items.All(b => b))];
            case ("any", 2) or ("all", 2):
                var gen = Eval(args[0], input, env).Select(x => Eval(args[1], x, env).Any(JqValues.IsTruthy));
                return [JqValues.Bool(n.Name == "any" ? gen.Any(b => b) : gen.All(b => b))];
            case ("sort_by", 1):
                return [new JsonArray([.. KeyedSort(input, args[0], env).Select(p => JqValues.Clone(p.Value))])];
            case ("group_by", 1):
                return [new JsonArray([.. KeyedSort(input, args[0], env).GroupAdjacent().Select(g => (JsonNode)new JsonArray([.. g.Select(p => JqValues.Clone(p.Value))]))])];
            case ("unique_by", 1):
                return [new JsonArray([.. KeyedSort(input, args[0], env).GroupAdjacent().Select(g => JqValues.Clone(g[0].Value))])];
            case ("min_by", 1) or ("max_by", 1):
                var sorted = KeyedSort(input, args[0], env);
                return [sorted.Count == 0 ? null : JqValues.Clone(n.Name == "min_by" ? sorted[0].Value : sorted[^1].Value)];
            case ("values" or "arrays" or "objects" or "iterables" or "booleans" or "numbers" or "strings" or "nulls" or "scalars", 0):
                return PassesTypeFilter(n.Name, input) ? [input] : [];
            case ("test" or "match" or "capture", 1 or 2):
                return RegexFunction(n, input, env);
            case ("sub", 2) or ("gsub", 2) or ("sub", 3) or ("gsub", 3):
                return Substitute(n, input, env);
            default:
                return CallValueFunction(n, input, env);
        }
    }

    private static double Num(JsonNode? v) => JqValues.Number(v) ?? throw new JqException($"Range bounds must be numeric");

    private static IEnumerable<JsonNode?> Range(double from, double to, double step)
    {
        if (step > 0)
        {
            for (var x = from; x < to; x += step)
            {
                yield return JqValues.Num(x);
            }
        }
        else if (step < 0)
        {
            for (var x = from; x > to; x += step)
            {
                yield return JqValues.Num(x);
            }
        }
    }

    private static JsonNode? GetPathSafe(JsonNode? input, JsonNode? p)
    {
        try
        {
            return JqValues.Clone(GetPath(input, p as JsonArray ?? throw new JqException("Path must be specified as an array")));
        }
        catch (JqException) when (p is JsonArray)
        {
            return null;
        }
    }

    private JsonNode? MapValues(JsonNode? input, JqNode f, JqEnv env)
    {
        switch (input)
        {
            case JsonObject o:
                var r = new JsonObject();
                foreach (var (k, v) in o)
                {
                    if (Eval(f, v, env).Take(1).ToList() is [var first])
                    {
                        r[k] = JqValues.Clone(first);
                    }
                }

                return r;
            case JsonArray a:
                return new JsonArray([.. a.SelectMany(v => Eval(f, v, env).Take(1)).Select(JqValues.Clone)]);
            default:
                throw new JqException($"Cannot iterate over {Describe(input)}");
        }
    }

    private IEnumerable<JsonNode?> RecurseWith(JsonNode? v, JqNode f, JqEnv env)
    {
        yield return v;
        foreach (var child in Eval(f, v, env).ToList())
        {
            foreach (var d in RecurseWith(child, f, env))
            {
                yield return d;
            }
        }
    }

    private JsonNode? Walk(JsonNode? v, JqNode f, JqEnv env)
    {
        JsonNode? rebuilt = v switch
        {
            JsonArray a => new JsonArray([.. a.Select(e => Walk(e, f, env))]),
            JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Walk(p.Value, f, env)))),
            _ => JqValues.Clone(v),
        };
        return Eval(f, rebuilt, env).LastOrDefault();
    }

    private List<(JsonNode? Key, JsonNode? Value)> KeyedSort(JsonNode? input, JqNode f, JqEnv env)
    {
        var array = JqBuiltins.AsArray(input, "sort");
        var keyed = array.Select(e => ((JsonNode?)new JsonArray([.. Eval(f, e, env).Select(JqValues.Clone)]), e)).ToList();
        return [.. keyed.OrderBy(p => p.Item1, Comparer<JsonNode?>.Create(JqValues.Compare))];
    }
}
