using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Utility.Templates;

/// <summary>
/// <c>strict = true</c> for Tera templates: every variable path printed with <c>{{ }}</c> must
/// resolve in the context (names bound by <c>for</c>/<c>set</c> and <c>loop</c> excepted). Fluid has
/// no undefined-variable hook, so the check runs over the template text before rendering.
/// </summary>
internal static partial class StrictCheck
{
    public static void Verify(string source, JsonObject context)
    {
        var local = new HashSet<string>(StringComparer.Ordinal) { "loop", "true", "false", "none", "nil", "null" };
        foreach (Match m in Bindings().Matches(source))
        {
            foreach (Capture c in m.Groups["name"].Captures)
            {
                local.Add(c.Value);
            }
        }

        foreach (Match m in Outputs().Matches(source))
        {
            var path = m.Groups["path"].Value;
            var root = path.Split('.', '[')[0];
            if (!local.Contains(root) && !Resolves(context, path))
            {
                throw ToolFailureException.Failed($"variable '{path}' not found in context (strict mode)");
            }
        }
    }

    private static bool Resolves(JsonNode? node, string path)
    {
        foreach (Match seg in Segments().Matches(path))
        {
            var key = seg.Groups["key"].Success ? seg.Groups["key"].Value : seg.Groups["q"].Value;
            if (seg.Groups["idx"].Success)
            {
                if (node is not JsonArray a || !int.TryParse(seg.Groups["idx"].Value, out var i) || i >= a.Count)
                {
                    return false;
                }

                node = a[i];
                continue;
            }

            if (node is not JsonObject o || !o.ContainsKey(key))
            {
                return false;
            }

            node = o[key];
        }

        return true;
    }

    [GeneratedRegex(@"\{%-?\s*(?:for\s+(?<name>\w+)(?:\s*,\s*(?<name>\w+))?\s+in|set\s+(?<name>\w+)\s*=)")]
    private static partial Regex Bindings();

    [GeneratedRegex(@"\{\{-?\s*(?<path>[A-Za-z_][\w]*(?:\.\w+|\[\d+\]|\[""[^""]*""\])*)\s*(?:\||-?\}\})")]
    private static partial Regex Outputs();

    [GeneratedRegex(@"(?:^|\.)(?<key>\w+)|\[(?<idx>\d+)\]|\[""(?<q>[^""]*)""\]")]
    private static partial Regex Segments();
}
