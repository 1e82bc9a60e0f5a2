namespace LlmSpell.Scripting.Lua;

/// <summary>
/// Script arguments as ARGS/arg see them (globals.md §13, cli-and-config.md §2.2):
/// <c>--key value</c>, <c>--key=value</c>, a bare <c>--flag</c> = "true", the rest positional.
/// </summary>
internal sealed record ScriptArguments(string Name, IReadOnlyList<KeyValuePair<string, string>> Named, IReadOnlyList<string> Positional)
{
    public static ScriptArguments Parse(string name, IReadOnlyList<string> tokens)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        var positional = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.StartsWith("--", StringComparison.Ordinal) && t.Length > 2)
            {
                var body = t[2..];
                string key;
                string value;
                var eq = body.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    key = body[..eq];
                    value = body[(eq + 1)..];
                }
                else if (i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    key = body;
                    value = tokens[++i];
                }
                else
                {
                    key = body;
                    value = "true";
                }

                if (!named.ContainsKey(key))
                {
                    order.Add(key);
                }

                named[key] = value;
            }
            else
            {
                positional.Add(t);
            }
        }

        return new ScriptArguments(name, order.Select(k => new KeyValuePair<string, string>(k, named[k])).ToList(), positional);
    }
}
