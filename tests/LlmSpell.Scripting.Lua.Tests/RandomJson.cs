using System.Text.Json.Nodes;

namespace LlmSpell.Scripting.Lua.Tests;

/// <summary>Random JSON values for round-trip properties (a compact generator; FsCheck is not on the package mirror).</summary>
internal static class RandomJson
{
    private static readonly string[] Strings = ["", "a", "é", "日本", "🚀", "line\nbreak", "tab\t", "quote\"", "back\\slash", "/", "x y z"];

    public static JsonNode? Value(Random r, int depth)
    {
        var pick = r.Next(depth > 3 ? 5 : 8);
        return pick switch
        {
            0 => JsonValue.Create(r.Next(2) == 0),
            1 => JsonValue.Create((long)r.Next(-1_000_000, 1_000_000) * (r.Next(3) == 0 ? 1_000_000_000L : 1)),
            2 => JsonValue.Create(Math.Round(r.NextDouble() * 1000 - 500, r.Next(0, 6)) + (r.Next(4) == 0 ? 0.5 : 0)),
            3 => JsonValue.Create(Strings[r.Next(Strings.Length)] + r.Next(100)),
            4 => JsonValue.Create((double)r.Next(-50, 50)),
            5 => Array(r, depth),
            6 => Object(r, depth),
            _ => r.Next(2) == 0 ? new JsonArray() : new JsonObject(),
        };
    }

    private static JsonArray Array(Random r, int depth)
    {
        var a = new JsonArray();
        var n = r.Next(0, 5);
        for (var i = 0; i < n; i++)
        {
            // null elements must survive inside arrays (JSON.null sentinel).
            a.Add(r.Next(6) == 0 ? null : Value(r, depth + 1));
        }

        return a;
    }

    private static JsonObject Object(Random r, int depth)
    {
        var o = new JsonObject();
        var n = r.Next(0, 5);
        for (var i = 0; i < n; i++)
        {
            o[$"k{r.Next(1000)}_{Strings[r.Next(Strings.Length)]}"] = Value(r, depth + 1);
        }

        return o;
    }
}
