using System.Text.Json.Nodes;

namespace LlmSpell.Configuration;

/// <summary>One key of the schema: its type, allowed values and default.</summary>
internal sealed record SchemaLeaf(string Type, string[]? EnumValues, JsonNode? Default, bool Compat);

/// <summary>A node of the schema tree. A leaf has <see cref="Leaf"/>; a free-form map accepts any keys below it.</summary>
internal sealed class SchemaNode
{
    public Dictionary<string, SchemaNode> Children { get; } = new(StringComparer.Ordinal);

    public SchemaNode? Wildcard { get; set; }

    public SchemaLeaf? Leaf { get; set; }

    public bool IsFreeForm => Leaf is { Type: "map" or "any" };
}

/// <summary>Parsed form of <see cref="ConfigSchemaText"/>.</summary>
internal static class ConfigSchema
{
    private static SchemaNode? _root;

    public static SchemaNode Root => _root ??= Parse(ConfigSchemaText.Text);

    /// <summary>Candidate schema nodes for a child key: the exact node first, then the wildcard.</summary>
    public static List<SchemaNode> Children(IEnumerable<SchemaNode> parents, string key)
    {
        var result = new List<SchemaNode>(2);
        foreach (var p in parents)
        {
            if (p.Children.TryGetValue(key, out var exact))
            {
                result.Add(exact);
            }

            if (p.Wildcard is not null)
            {
                result.Add(p.Wildcard);
            }
        }

        return result;
    }

    /// <summary>Finds the leaf for a dotted path, or null when the path is not a schema key.</summary>
    public static SchemaLeaf? FindLeaf(string path)
    {
        List<SchemaNode> nodes = [Root];
        foreach (var seg in path.Split('.'))
        {
            var free = nodes.FirstOrDefault(n => n.IsFreeForm);
            if (free is not null)
            {
                return free.Leaf;
            }

            nodes = Children(nodes, seg);
            if (nodes.Count == 0)
            {
                return null;
            }
        }

        return nodes.Select(n => n.Leaf).FirstOrDefault(l => l is not null);
    }

    private static SchemaNode Parse(string text)
    {
        var root = new SchemaNode();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            string? defaultText = null;
            var eq = line.IndexOf(" = ", StringComparison.Ordinal);
            if (eq > 0)
            {
                defaultText = line[(eq + 3)..].Trim();
                line = line[..eq];
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var path = parts[0];
            var type = parts[1];
            var compat = parts.Length > 2 && parts[2] == "compat";
            string[]? enumValues = null;
            if (type.StartsWith("enum:", StringComparison.Ordinal))
            {
                enumValues = type[5..].Split('|');
                type = "enum";
            }

            var node = root;
            foreach (var seg in path.Split('.'))
            {
                if (seg == "*")
                {
                    node = node.Wildcard ??= new SchemaNode();
                }
                else
                {
                    if (!node.Children.TryGetValue(seg, out var child))
                    {
                        child = new SchemaNode();
                        node.Children[seg] = child;
                    }

                    node = child;
                }
            }

            node.Leaf = new SchemaLeaf(type, enumValues, ParseDefault(type, defaultText), compat);
        }

        return root;
    }

    // Defaults are written as ["a", "b"] or [1, 2]; parsed by hand because this runs at every start-up.
    private static JsonArray ParseList(string text)
    {
        var list = new JsonArray();
        foreach (var raw in text.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            list.Add(raw.StartsWith('"') ? JsonValue.Create(raw.Trim('"')) : (JsonNode)JsonValue.Create(long.Parse(raw, System.Globalization.CultureInfo.InvariantCulture)));
        }

        return list;
    }

    private static JsonNode? ParseDefault(string type, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return type switch
        {
            "int" => JsonValue.Create(long.Parse(text, System.Globalization.CultureInfo.InvariantCulture)),
            "float" => JsonValue.Create(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture)),
            "bool" => JsonValue.Create(text == "true"),
            "strs" or "ints" => ParseList(text),
            _ => JsonValue.Create(text),
        };
    }
}
