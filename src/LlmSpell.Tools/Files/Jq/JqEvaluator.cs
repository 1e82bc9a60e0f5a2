using System.Text;
using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Files.Jq;

/// <summary>
/// Evaluates jq programs as generators: every node yields zero or more outputs per input.
/// Hand-written because no jq implementation for .NET is available on the package mirror
/// (JsonCons.JmesPath is JMESPath, a different language).
/// </summary>
internal sealed partial class JqEvaluator(TimeProvider time, CancellationToken cancellation)
{
    private int _steps;

    public TimeProvider Time { get; } = time;

    public IEnumerable<JsonNode?> Eval(JqNode n, JsonNode? input, JqEnv env)
    {
        if ((++_steps & 0x3FF) == 0)
        {
            cancellation.ThrowIfCancellationRequested();
        }

        switch (n.Kind)
        {
            case JqNodeKind.Identity:
                return [input];
            case JqNodeKind.Literal:
                return [JqValues.Clone(n.Value)];
            case JqNodeKind.Variable:
                return [JqValues.Clone(env.Lookup(n.Name))];
            case JqNodeKind.RecurseAll:
                return Recurse(input);
            case JqNodeKind.Field:
                return Eval(n.A!, input, env).Select(t => IndexValue(t, JsonValue.Create(n.Name)));
            case JqNodeKind.Index:
                return Cartesian(n.B!, n.A!, input, env, (i, t) => [IndexValue(t, i)]);
            case JqNodeKind.Slice:
                return EvalSlice(n, input, env);
            case JqNodeKind.Iterate:
                return Eval(n.A!, input, env).SelectMany(Iterate);
            case JqNodeKind.Interpolation:
                return EvalInterpolation(n.Args, 0, input, env, "");
            case JqNodeKind.ArrayConstruct:
                return [new JsonArray([.. (n.A is null ? [] : Eval(n.A, input, env)).Select(JqValues.Clone)])];
            case JqNodeKind.ObjectConstruct:
                return EvalObject(n.Entries, 0, input, env, new JsonObject());
            case JqNodeKind.Pipe:
                return Eval(n.A!, input, env).SelectMany(x => Eval(n.B!, x, env));
            case JqNodeKind.Comma:
                return Eval(n.A!, input, env).Concat(Eval(n.B!, input, env));
            case JqNodeKind.Binary:
                return Cartesian(n.B!, n.A!, input, env, (r, l) => [BinaryOp(n.Name, l, r)]);
            case JqNodeKind.And:
                return Eval(n.A!, input, env).SelectMany(l => !JqValues.IsTruthy(l) ? [JqValues.Bool(false)] : Eval(n.B!, input, env).Select(r => JqValues.Bool(JqValues.IsTruthy(r))));
            case JqNodeKind.Or:
                return Eval(n.A!, input, env).SelectMany(l => JqValues.IsTruthy(l) ? [JqValues.Bool(true)] : Eval(n.B!, input, env).Select(r => JqValues.Bool(JqValues.IsTruthy(r))));
            case JqNodeKind.Alternative:
                return EvalAlternative(n, input, env);
            case JqNodeKind.Negate:
                return Eval(n.A!, input, env).Select(v => JqValues.Number(v) is { } d ? JqValues.Num(-d) : throw new JqException($"{JqValues.TypeName(v)} ({JqValues.Short(v)}) cannot be negated"));
            case JqNodeKind.If:
                return EvalIf(n, 0, input, env);
            case JqNodeKind.Try:
                return EvalTry(n, input, env);
            case JqNodeKind.Reduce:
                return EvalReduce(n, input, env);
            case JqNodeKind.Foreach:
                return EvalForeach(n, input, env);
            case JqNodeKind.Bind:
                return Eval(n.A!, input, env).SelectMany(v => Eval(n.B!, input, env.Bind(n.Name, v)));
            case JqNodeKind.Update:
                return EvalUpdate(n, input, env);
            default:
                return CallFunction(n, input, env);
        }
    }

    /// <summary>For each output r of <paramref name="outer"/>, for each output l of <paramref name="inner"/>: f(r, l) (jq's order for binary operators).</summary>
    private IEnumerable<JsonNode?> Cartesian(JqNode outer, JqNode inner, JsonNode? input, JqEnv env, Func<JsonNode?, JsonNode?, IEnumerable<JsonNode?>> f)
    {
        foreach (var r in Eval(outer, input, env).ToList())
        {
            foreach (var l in Eval(inner, input, env))
            {
                foreach (var o in f(r, l))
                {
                    yield return o;
                }
            }
        }
    }

    private static JsonNode? BinaryOp(string op, JsonNode? l, JsonNode? r) => op switch
    {
        "==" => JqValues.Bool(JqValues.Equal(l, r)),
        "!=" => JqValues.Bool(!JqValues.Equal(l, r)),
        "<" => JqValues.Bool(JqValues.Compare(l, r) < 0),
        "<=" => JqValues.Bool(JqValues.Compare(l, r) <= 0),
        ">" => JqValues.Bool(JqValues.Compare(l, r) > 0),
        ">=" => JqValues.Bool(JqValues.Compare(l, r) >= 0),
        _ => JqValues.Arith(op, l, r),
    };

    public static IEnumerable<JsonNode?> Recurse(JsonNode? v)
    {
        yield return v;
        if (v is JsonArray or JsonObject)
        {
            foreach (var child in Iterate(v).ToList())
            {
                foreach (var d in Recurse(child))
                {
                    yield return d;
                }
            }
        }
    }

    public static IEnumerable<JsonNode?> Iterate(JsonNode? v) => v switch
    {
        JsonArray a => a.ToList(),
        JsonObject o => o.Select(p => p.Value).ToList(),
        _ => throw new JqException($"Cannot iterate over {JqValues.TypeName(v)}{(v is null ? "" : " (" + JqValues.Short(v) + ")")}"),
    };

    public static JsonNode? IndexValue(JsonNode? target, JsonNode? index)
    {
        if (target is null && (JqValues.Str(index) is not null || JqValues.Number(index) is not null))
        {
            return null;
        }

        if (target is JsonObject o && JqValues.Str(index) is { } key)
        {
            return o[key];
        }

        if (target is JsonArray a && JqValues.Number(index) is { } d)
        {
            var i = (int)Math.Floor(d);
            i = i < 0 ? a.Count + i : i;
            return i >= 0 && i < a.Count ? a[i] : null;
        }

        throw new JqException(JqValues.Str(index) is { } s
            ? $"Cannot index {JqValues.TypeName(target)} with \"{s}\""
            : $"Cannot index {JqValues.TypeName(target)} with {JqValues.TypeName(index)}");
    }

    private IEnumerable<JsonNode?> EvalSlice(JqNode n, JsonNode? input, JqEnv env)
    {
        var froms = n.B is null ? [null] : Eval(n.B, input, env).ToList();
        var tos = n.C is null ? [null] : Eval(n.C, input, env).ToList();
        foreach (var to in tos)
        {
            foreach (var from in froms)
            {
                foreach (var t in Eval(n.A!, input, env))
                {
                    yield return SliceValue(t, from, to);
                }
            }
        }
    }

    public static JsonNode? SliceValue(JsonNode? t, JsonNode? from, JsonNode? to)
    {
        if (t is null)
        {
            return null;
        }

        var len = t is JsonArray arr ? arr.Count : JqValues.Str(t) is { } s ? s.Length : throw new JqException($"Cannot index {JqValues.TypeName(t)} with object");
        var (start, end) = SliceBounds(len, from, to);
        return t is JsonArray a ? new JsonArray([.. a.Skip(start).Take(end - start).Select(JqValues.Clone)]) : JsonValue.Create(JqValues.Str(t)![start..end]);
    }

    public static (int Start, int End) SliceBounds(int len, JsonNode? from, JsonNode? to)
    {
        static int Clamp(double d, int len) => (int)Math.Clamp(d < 0 ? len + Math.Floor(d) : Math.Floor(d), 0, len);
        var start = from is null ? 0 : Clamp(JqValues.Number(from) ?? throw new JqException("Start and end indices of an array slice must be numbers"), len);
        var end = to is null ? len : Clamp(JqValues.Number(to) ?? throw new JqException("Start and end indices of an array slice must be numbers"), len);
        return (start, Math.Max(start, end));
    }

    private IEnumerable<JsonNode?> EvalInterpolation(IReadOnlyList<JqNode> parts, int i, JsonNode? input, JqEnv env, string prefix)
    {
        if (i == parts.Count)
        {
            yield return JsonValue.Create(prefix);
            yield break;
        }

        foreach (var v in Eval(parts[i], input, env))
        {
            var text = parts[i].Kind == JqNodeKind.Literal ? JqValues.Str(v)! : JqValues.ToStringValue(v);
            foreach (var r in EvalInterpolation(parts, i + 1, input, env, prefix + text))
            {
                yield return r;
            }
        }
    }

    private IEnumerable<JsonNode?> EvalObject(IReadOnlyList<(JqNode Key, JqNode? Value)> entries, int i, JsonNode? input, JqEnv env, JsonObject acc)
    {
        if (i == entries.Count)
        {
            yield return acc.DeepClone();
            yield break;
        }

        var (keyNode, valueNode) = entries[i];
        foreach (var k in Eval(keyNode, input, env))
        {
            var key = JqValues.Str(k) ?? throw new JqException($"Object keys must be strings");
            var values = valueNode is null ? [IndexValue(input, k)] : Eval(valueNode, input, env);
            foreach (var v in values)
            {
                var next = (JsonObject)acc.DeepClone();
                next[key] = JqValues.Clone(v);
                foreach (var r in EvalObject(entries, i + 1, input, env, next))
                {
                    yield return r;
                }
            }
        }
    }

    private IEnumerable<JsonNode?> EvalAlternative(JqNode n, JsonNode? input, JqEnv env)
    {
        var any = false;
        var results = new List<JsonNode?>();
        try
        {
            foreach (var v in Eval(n.A!, input, env))
            {
                if (JqValues.IsTruthy(v))
                {
                    any = true;
                    results.Add(v);
                }
            }
        }
        catch (JqException)
        {
            // Errors on the left count as "no value" (jq semantics of //).
        }

        return any ? results : Eval(n.B!, input, env);
    }

    private IEnumerable<JsonNode?> EvalIf(JqNode n, int i, JsonNode? input, JqEnv env)
    {
        if (i >= n.Args.Count)
        {
            return Eval(n.C!, input, env);
        }

        return Eval(n.Args[i], input, env).SelectMany(c => JqValues.IsTruthy(c) ? Eval(n.Args[i + 1], input, env) : EvalIf(n, i + 2, input, env));
    }

    private IEnumerable<JsonNode?> EvalTry(JqNode n, JsonNode? input, JqEnv env)
    {
        var results = new List<JsonNode?>();
        JqException? error = null;
        try
        {
            foreach (var v in Eval(n.A!, input, env))
            {
                results.Add(v);
            }
        }
        catch (JqException ex)
        {
            error = ex;
        }

        if (error is null || n.B is null)
        {
            return results;
        }

        return results.Concat(Eval(n.B, error.Value, env));
    }

    private IEnumerable<JsonNode?> EvalReduce(JqNode n, JsonNode? input, JqEnv env)
    {
        foreach (var init in Eval(n.B!, input, env))
        {
            JsonNode? acc = init;
            foreach (var item in Eval(n.A!, input, env).ToList())
            {
                acc = Eval(n.C!, acc, env.Bind(n.Name, item)).LastOrDefault();
            }

            yield return acc;
        }
    }

    private IEnumerable<JsonNode?> EvalForeach(JqNode n, JsonNode? input, JqEnv env)
    {
        foreach (var init in Eval(n.B!, input, env))
        {
            var acc = init;
            foreach (var item in Eval(n.A!, input, env).ToList())
            {
                var scope = env.Bind(n.Name, item);
                foreach (var state in Eval(n.C!, acc, scope).ToList())
                {
                    acc = state;
                    foreach (var o in n.D is null ? [state] : Eval(n.D, state, scope))
                    {
                        yield return o;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Assignment operators: <c>l |= f</c> updates each path of l with the first output of f;
    /// <c>l = r</c> and <c>l op= r</c> evaluate r against the original input (one result per output of r).
    /// </summary>
    private IEnumerable<JsonNode?> EvalUpdate(JqNode n, JsonNode? input, JqEnv env)
    {
        var paths = Paths(n.A!, [], input, env).Select(p => p.Path).ToList();
        if (n.Name == "|=")
        {
            var result = input;
            foreach (var p in paths)
            {
                var outputs = Eval(n.B!, GetPath(result, p), env).Take(1).ToList();
                result = outputs.Count == 0 ? DeletePaths(result, [p]) : SetPath(result, p, 0, outputs[0]);
            }

            yield return result;
            yield break;
        }

        foreach (var v in Eval(n.B!, input, env).ToList())
        {
            var result = input;
            foreach (var p in paths)
            {
                var current = GetPath(result, p);
                var updated = n.Name switch
                {
                    "=" => v,
                    "//=" => JqValues.IsTruthy(current) ? current : v,
                    _ => JqValues.Arith(n.Name[..^1], current, v),
                };
                result = SetPath(result, p, 0, updated);
            }

            yield return result;
        }
    }

    internal static string Describe(JsonNode? v) => new StringBuilder(JqValues.TypeName(v)).Append(" (").Append(JqValues.Short(v)).Append(')').ToString();
}
