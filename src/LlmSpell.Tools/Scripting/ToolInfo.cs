using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Scripting;

/// <summary>The script-facing descriptions of a tool (globals.md §2).</summary>
internal static class ToolInfo
{
    /// <summary>Every spelling that resolves to the tool besides its canonical name.</summary>
    public static JsonArray Aliases(ToolDescriptor d)
    {
        var names = new List<string>();
        foreach (var n in new[] { d.Name }.Concat(d.Aliases))
        {
            names.Add(n);
            names.Add(n.Replace('_', '-'));
        }

        return [.. names.Where(n => n != d.Name).Distinct(StringComparer.Ordinal).Select(n => (JsonNode)JsonValue.Create(n))];
    }

    /// <summary>The entry of Tool.list().</summary>
    public static JsonObject Summary(ToolDescriptor d) => new()
    {
        ["name"] = d.Name,
        ["description"] = d.Description,
        ["version"] = d.Version,
        ["category"] = d.Category,
        ["security_level"] = d.SecurityLevel,
        ["requires_network"] = d.RequiresNetwork,
    };

    /// <summary>The entry of Tool.discover().</summary>
    public static JsonObject Discovered(ToolDescriptor d) => new()
    {
        ["name"] = d.Name,
        ["description"] = d.Description,
        ["category"] = d.Category,
        ["version"] = d.Version,
        ["security_level"] = d.SecurityLevel,
    };

    /// <summary>Tool.get_info(): the tool object without execute.</summary>
    public static JsonObject Full(ToolDescriptor d)
    {
        var o = Summary(d);
        o["aliases"] = Aliases(d);
        o["schema"] = Schema(d);
        return o;
    }

    /// <summary>Tool.get_schema().</summary>
    public static JsonObject Schema(ToolDescriptor d)
    {
        var parameters = new JsonArray();
        foreach (var p in d.Parameters)
        {
            var entry = new JsonObject
            {
                ["name"] = p.Name,
                ["type"] = p.Type,
                ["description"] = p.Description,
                ["required"] = p.Required,
            };
            if (p.Default is not null)
            {
                entry["default"] = p.Default.DeepClone();
            }

            parameters.Add((JsonNode)entry);
        }

        return new JsonObject { ["name"] = d.Name, ["description"] = d.Description, ["parameters"] = parameters };
    }
}
