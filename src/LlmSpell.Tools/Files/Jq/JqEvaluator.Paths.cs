using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Files.Jq;

/// <summary>Path expressions: <c>path(f)</c>, <c>paths</c>, <c>del</c>, <c>getpath</c>/<c>setpath</c>.</summary>
internal sealed partial class JqEvaluator
{
    public IEnumerable<(JsonArray Path, JsonNode? Value)> Paths(JqNode n, JsonArray path, JsonNode? value, JqEnv env)
    {
        switch (n.Kind)
        {
            case JqNodeKind.Identity:
                return [(path, value)];
            case JqNodeKind.RecurseAll:
                return RecursePaths(path, value);
            case JqNodeKind.Field:
                return Paths(n.A!, path, value, env).Select(p => (Append(p.Path, JsonValue.Create(n.Name)), IndexValue(p.Value, JsonValue.Create(n.Name))));
            case JqNodeKind.Index:
                return Eval(n.B!, value, env).ToList().SelectMany(i => Paths(n.A!, path, value, env).Select(p => (Append(p.Path, i), IndexValue(p.Value, i))));
            case JqNodeKind.Slice:
                var from = n.B is null ? null : Eval(n.B, value, env).FirstOrDefault();
                var to = n.C is null ? null : Eval(n.C, value, env).FirstOrDefault();
                return Paths(n.A!, path, value, env).Select(p => (Append(p.Path, new JsonObject { ["start"] = JqValues.Clone(from), ["end"] = JqValues.Clone(to) }), SliceValue(p.Value, from, to)));
            case JqNodeKind.Iterate:
                return Paths(n.A!, path, value, env).SelectMany(p => Children(p.Path, p.Value));
            case JqNodeKind.Pipe:
                return Paths(n.A!, path, value, env).SelectMany(p => Paths(n.B!, p.Path, p.Value, env));
            case JqNodeKind.Comma:
                return Paths(n.A!, path, value, env).Concat(Paths(n.B!, path, value, env));
            case JqNodeKind.If:
                return IfPaths(n, 0, path, value, env);
            case JqNodeKind.Try:
                return TryPaths(n, path, value, env);
            case JqNodeKind.Alternative:
                var left = Paths(n.A!, path, value, env).Where(p => JqValues.IsTruthy(p.Value)).ToList();
                return left.Count > 0 ? left : Paths(n.B!, path, value, env);
            case JqNodeKind.Bind:
                return Eval(n.A!, value, env).ToList().SelectMany(v => Paths(n.B!, path, value, env.Bind(n.Name, v)));
            case JqNodeKind.Call:
                return CallPaths(n, path, value, env);
            case JqNodeKind.Literal when n.Value is null:
                return [(path, null)];
            default:
                throw new JqException($"Invalid path expression with result {JqValues.Short(Eval(n, value, env).FirstOrDefault())}");
        }
    }

    private IEnumerable<(JsonArray, JsonNode?)> CallPaths(JqNode n, JsonArray path, JsonNode? value, JqEnv env)
    {
        switch (n.Name, n.Args.Count)
        {
            case ("empty", 0):
                return [];
            case ("select", 1):
                return Eval(n.Args[0], value, env).Where(JqValues.IsTruthy).Select(_ => (path, value));
            case ("recurse", 0):
                return RecursePaths(path, value);
            case ("first", 1):
                return Paths(n.Args[0], path, value, env).Take(1);
            case ("last", 1):
                return Paths(n.Args[0], path, value, env).TakeLast(1);
            case ("limit", 2):
                return Eval(n.Args[0], value, env).SelectMany(c => Paths(n.Args[1], path, value, env).Take((int)(JqValues.Number(c) ?? 0)));
            case ("getpath", 1):
                return Eval(n.Args[0], value, env).Select(p => p is JsonArray arr
                    ? (new JsonArray([.. path.Select(JqValues.Clone), .. arr.Select(JqValues.Clone)]), GetPath(value, arr))
                    : throw new JqException("Path must be specified as an array"));
            case ("error", _):
                return Eval(n, value, env).Select(_ => (path, value));
            default:
                throw new JqException($"Invalid path expression: {n.Name}/{n.Args.Count} is not a path");
        }
    }

    private IEnumerable<(JsonArray, JsonNode?)> IfPaths(JqNode n, int i, JsonArray path, JsonNode? value, JqEnv env) =>
        i >= n.Args.Count
            ? Paths(n.C!, path, value, env)
            : Eval(n.Args[i], value, env).ToList().SelectMany(c => JqValues.IsTruthy(c) ? Paths(n.Args[i + 1], path, value, env) : IfPaths(n, i + 2, path, value, env));

    private List<(JsonArray, JsonNode?)> TryPaths(JqNode n, JsonArray path, JsonNode? value, JqEnv env)
    {
        var results = new List<(JsonArray, JsonNode?)>();
        try
        {
            results.AddRange(Paths(n.A!, path, value, env));
        }
        catch (JqException)
        {
            // Suppressed like `f?`.
        }

        return results;
    }

    private static IEnumerable<(JsonArray, JsonNode?)> RecursePaths(JsonArray path, JsonNode? value)
    {
        yield return (path, value);
        if (value is JsonArray or JsonObject)
        {
            foreach (var (p, v) in Children(path, value).ToList())
            {
                foreach (var d in RecursePaths(p, v))
                {
                    yield return d;
                }
            }
        }
    }

    private static IEnumerable<(JsonArray, JsonNode?)> Children(JsonArray path, JsonNode? value) => value switch
    {
        JsonArray a => a.Select((v, i) => (Append(path, JsonValue.Create((long)i)), v)).ToList(),
        JsonObject o => o.Select(p => (Append(path, JsonValue.Create(p.Key)), p.Value)).ToList(),
        null => [],
        _ => throw new JqException($"Cannot iterate over {Describe(value)}"),
    };

    private static JsonArray Append(JsonArray path, JsonNode? element) => [.. path.Select(JqValues.Clone), JqValues.Clone(element)];

    public static JsonNode? GetPath(JsonNode? value, JsonArray path)
    {
        var cur = value;
        foreach (var p in path)
        {
            if (cur is null)
            {
                return null;
            }

            cur = p is JsonObject slice ? SliceValue(cur, slice["start"], slice["end"]) : IndexValue(cur, p);
        }

        return cur;
    }

    /// <summary>Returns a copy of <paramref name="root"/> with <paramref name="value"/> at <paramref name="path"/>.</summary>
    public static JsonNode? SetPath(JsonNode? root, JsonArray path, int i, JsonNode? value)
    {
        if (i == path.Count)
        {
            return JqValues.Clone(value);
        }

        var key = path[i];
        if (JqValues.Str(key) is { } name)
        {
            var obj = root switch
            {
                null => new JsonObject(),
                JsonObject o => (JsonObject)o.DeepClone(),
                _ => throw new JqException($"Cannot index {JqValues.TypeName(root)} with \"{name}\""),
            };
            obj[name] = SetPath(obj[name], path, i + 1, value);
            return obj;
        }

        if (JqValues.Number(key) is { } d)
        {
            var arr = root switch
            {
                null => new JsonArray(),
                JsonArray a => (JsonArray)a.DeepClone(),
                _ => throw new JqException($"Cannot index {JqValues.TypeName(root)} with number"),
            };
            var idx = (int)d < 0 ? arr.Count + (int)d : (int)d;
            if (idx < 0)
            {
                throw new JqException("Out of bounds negative array index");
            }

            while (arr.Count <= idx)
            {
                arr.Add(null);
            }

            arr[idx] = SetPath(arr[idx], path, i + 1, value);
            return arr;
        }

        throw new JqException($"Cannot update field at object index of {JqValues.TypeName(root)}");
    }

    /// <summary>Deletes the given paths (longest and highest indices first so earlier deletions do not shift later ones).</summary>
    public static JsonNode? DeletePaths(JsonNode? root, List<JsonArray> paths)
    {
        var result = JqValues.Clone(root);
        foreach (var p in paths.OrderByDescending(p => p, Comparer<JsonArray>.Create((a, b) => JqValues.Compare(a, b))))
        {
            if (p.Count == 0)
            {
                return null;
            }

            var parentPath = new JsonArray([.. p.Take(p.Count - 1).Select(JqValues.Clone)]);
            var parent = GetPath(result, parentPath);
            var last = p[^1];
            JsonNode? updated;
            if (parent is JsonObject o && JqValues.Str(last) is { } k)
            {
                updated = (JsonObject)o.DeepClone();
                ((JsonObject)updated).Remove(k);
            }
            else if (parent is JsonArray a && JqValues.Number(last) is { } d)
            {
                updated = (JsonArray)a.DeepClone();
                var idx = (int)d < 0 ? a.Count + (int)d : (int)d;
                if (idx >= 0 && idx < a.Count)
                {
                    ((JsonArray)updated).RemoveAt(idx);
                }
            }
            else if (parent is JsonArray sa && last is JsonObject slice)
            {
                var (s, e) = SliceBounds(sa.Count, slice["start"], slice["end"]);
                updated = new JsonArray([.. sa.Where((_, i) => i < s || i >= e).Select(JqValues.Clone)]);
            }
            else if (parent is null)
            {
                continue;
            }
            else
            {
                throw new JqException($"Cannot delete field at index of {JqValues.TypeName(parent)}");
            }

            result = SetPath(result, parentPath, 0, updated);
        }

        return result;
    }
}
