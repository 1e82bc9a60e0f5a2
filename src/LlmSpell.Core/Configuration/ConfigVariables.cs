using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Configuration;

/// <summary><c>${NAME}</c> and <c>${NAME:-default}</c> expansion inside string values (cli-and-config.md §4.2).</summary>
internal static class ConfigVariables
{
    // ${NAME} and ${NAME:-default} are replaced after parsing; $${ is a literal ${.
    internal static JsonNode? Substitute(JsonNode? node, string path, WalkContext ctx)
    {
        switch (node)
        {
            case JsonObject obj:
                var o = new JsonObject();
                foreach (var (k, v) in obj)
                {
                    o[k] = Substitute(v, path + "." + k, ctx);
                }

                return o;
            case JsonArray arr:
                var a = new JsonArray();
                foreach (var v in arr)
                {
                    a.Add(Substitute(v, path, ctx));
                }

                return a;
            case JsonValue v when JsonValues.AsString(v) is { } s && s.Contains('$', StringComparison.Ordinal):
                return JsonValue.Create(ExpandVariables(s, path, ctx));
            default:
                return node?.DeepClone();
        }
    }

    private static string ExpandVariables(string s, string path, WalkContext ctx)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] == '$' && i + 2 < s.Length && s[i + 1] == '$' && s[i + 2] == '{')
            {
                sb.Append("${");
                i += 3;
                continue;
            }

            if (s[i] == '$' && i + 1 < s.Length && s[i + 1] == '{')
            {
                var end = s.IndexOf('}', i + 2);
                if (end > 0)
                {
                    var body = s[(i + 2)..end];
                    var sep = body.IndexOf(":-", StringComparison.Ordinal);
                    var name = sep >= 0 ? body[..sep] : body;
                    string? fallback = sep >= 0 ? body[(sep + 2)..] : null;
                    if (ctx.Environment.TryGetValue(name, out var value) && value.Length > 0)
                    {
                        sb.Append(value);
                    }
                    else if (fallback is not null)
                    {
                        sb.Append(fallback);
                    }
                    else
                    {
                        ctx.Warnings.Add($"{ctx.Where(path)}: environment variable '{name}' is not set (used in '{path}'); using an empty string");
                    }

                    i = end + 1;
                    continue;
                }
            }

            sb.Append(s[i]);
            i++;
        }

        return sb.ToString();
    }
}
