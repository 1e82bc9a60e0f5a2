using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Tools.Utility.Templates;

/// <summary>Converts the neutral value model to plain CLR objects both template engines understand.</summary>
internal static class TemplateModel
{
    public static object? ToClr(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(kv => kv.Key, kv => ToClr(kv.Value), StringComparer.Ordinal),
        JsonArray a => a.Select(ToClr).ToList(),
        _ => JsonValues.Classify(node) switch
        {
            ValueKind.Boolean => JsonValues.AsBool(node),
            ValueKind.Integer => JsonValues.AsInteger(node),
            ValueKind.Float => JsonValues.AsDouble(node),
            ValueKind.String => JsonValues.AsString(node),
            _ => null,
        },
    };
}
