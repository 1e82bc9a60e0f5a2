using System.Text.Json;
using System.Text.Json.Nodes;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Values;

namespace LlmSpell.Tools.Pipeline;

/// <summary>
/// Parameter validation of tools.md §1.2 step 3, driven by the descriptor's parameter list:
/// aliases resolved, required checked (nil is absent), types checked and normalised, enums matched
/// case-insensitively and replaced by their canonical spelling, defaults applied. Unknown
/// parameters pass through untouched.
/// </summary>
internal static class ParameterValidator
{
    /// <summary>Returns a validated copy of <paramref name="input"/>; failures throw invalid-parameters.</summary>
    public static JsonObject Validate(ToolDescriptor descriptor, JsonObject input)
    {
        var output = (JsonObject)input.DeepClone();
        foreach (var key in output.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            output.Remove(key);
        }

        if (descriptor.ValidatesOwnParameters)
        {
            return output;
        }

        foreach (var p in descriptor.Parameters)
        {
            ResolveAlias(p, output);
            if (output[p.Name] is not { } value)
            {
                if (p.Required)
                {
                    throw ToolFailureException.InvalidParameters($"missing required parameter '{p.Name}'");
                }

                if (p.Default is not null)
                {
                    output[p.Name] = p.Default.DeepClone();
                }

                continue;
            }

            var typed = CheckType(p, value);
            output[p.Name] = p.Enum is { Count: > 0 } ? MatchEnum(p, typed) : typed;
        }

        return output;
    }

    private static void ResolveAlias(ToolParameter p, JsonObject output)
    {
        if (output[p.Name] is not null || p.Aliases is null)
        {
            return;
        }

        foreach (var alias in p.Aliases)
        {
            if (output[alias] is { } aliased)
            {
                output[p.Name] = aliased.DeepClone();
                return;
            }
        }
    }

    private static JsonNode CheckType(ToolParameter p, JsonNode value)
    {
        switch (p.Type)
        {
            case "string":
                if (JsonValues.AsString(value) is not null)
                {
                    return value.DeepClone();
                }

                if (JsonValues.IsNumber(value))
                {
                    return JsonValue.Create(JsonText.Compact(value));
                }

                break;
            case "integer":
                if (JsonValues.AsInteger(value) is { } l && JsonValues.IsNumber(value))
                {
                    return JsonValue.Create(l);
                }

                break;
            case "number":
                if (JsonValues.IsNumber(value))
                {
                    return value.DeepClone();
                }

                break;
            case "boolean":
                if (value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                {
                    return value.DeepClone();
                }

                break;
            case "array":
                if (value is JsonArray)
                {
                    return value.DeepClone();
                }

                if (value is JsonObject { Count: 0 })
                {
                    return new JsonArray();
                }

                break;
            case "object":
                if (value is JsonObject)
                {
                    return value.DeepClone();
                }

                if (value is JsonArray { Count: 0 })
                {
                    return new JsonObject();
                }

                break;
            default:
                return value.DeepClone();
        }

        throw ToolFailureException.InvalidParameters($"parameter '{p.Name}': expected {p.Type}, got {Describe(value)}");
    }

    private static JsonNode MatchEnum(ToolParameter p, JsonNode value)
    {
        var text = JsonValues.AsString(value) ?? JsonText.Compact(value);
        var trimmed = text.Trim();
        var match = p.Enum!.FirstOrDefault(e => string.Equals(e, trimmed, StringComparison.OrdinalIgnoreCase))
            ?? p.Enum!.FirstOrDefault(e => string.Equals(Loose(e), Loose(trimmed), StringComparison.OrdinalIgnoreCase));
        return match is not null
            ? JsonValue.Create(match)
            : throw ToolFailureException.InvalidParameters($"parameter '{p.Name}': expected one of {string.Join(", ", p.Enum!)}, got '{text}'");
    }

    // Spelling variants the catalog accepts everywhere: sha-256 for sha256, url-safe for url_safe.
    private static string Loose(string s) => s.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);

    private static string Describe(JsonNode value) => value switch
    {
        JsonArray => "array",
        JsonObject => "object",
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => JsonValues.Classify(value) == ValueKind.Integer ? "integer" : "number",
            _ => "null",
        },
    };
}
