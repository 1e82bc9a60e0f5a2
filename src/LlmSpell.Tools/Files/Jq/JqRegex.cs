using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LlmSpell.Tools.Files.Jq;

/// <summary>test/match/capture/sub/gsub over .NET regular expressions (1 s timeout; jq flags g, i, x, s, n).</summary>
internal static class JqRegex
{
    public static (Regex Regex, bool Global) Compile(JsonNode? pattern, JsonNode? flags)
    {
        var p = JqBuiltins.StringArg(pattern, "a regex");
        var f = flags is null ? "" : JqBuiltins.StringArg(flags, "regex flags");
        var options = RegexOptions.None;
        var global = false;
        foreach (var c in f)
        {
            switch (c)
            {
                case 'g': global = true; break;
                case 'i': options |= RegexOptions.IgnoreCase; break;
                case 'x': options |= RegexOptions.IgnorePatternWhitespace; break;
                case 's': options |= RegexOptions.Singleline; break;
                case 'n' or 'l' or 'p': break;
                default: throw new JqException($"{f} is not a valid modifier string");
            }
        }

        try
        {
            return (new Regex(p, options, TimeSpan.FromSeconds(1)), global);
        }
        catch (ArgumentException ex)
        {
            throw new JqException($"{p} (at offset 0) is not a valid regex: {ex.Message}");
        }
    }

    public static IEnumerable<Match> Matches(Regex re, string s, bool global)
    {
        try
        {
            return global ? re.Matches(s).ToList() : re.Match(s) is { Success: true } m ? [m] : [];
        }
        catch (RegexMatchTimeoutException)
        {
            throw new JqException("regex evaluation timed out");
        }
    }

    public static JsonObject MatchObject(Regex re, Match m)
    {
        var captures = new JsonArray();
        for (var i = 1; i < m.Groups.Count; i++)
        {
            var g = m.Groups[i];
            var name = re.GroupNameFromNumber(i);
            captures.Add((JsonNode)new JsonObject
            {
                ["offset"] = g.Success ? g.Index : -1,
                ["length"] = g.Success ? g.Length : 0,
                ["string"] = g.Success ? g.Value : null,
                ["name"] = int.TryParse(name, out _) ? null : name,
            });
        }

        return new JsonObject { ["offset"] = m.Index, ["length"] = m.Length, ["string"] = m.Value, ["captures"] = captures };
    }

    public static JsonObject CaptureObject(Regex re, Match m)
    {
        var o = new JsonObject();
        for (var i = 1; i < m.Groups.Count; i++)
        {
            var name = re.GroupNameFromNumber(i);
            if (!int.TryParse(name, out _))
            {
                o[name] = m.Groups[i].Success ? m.Groups[i].Value : null;
            }
        }

        return o;
    }
}
