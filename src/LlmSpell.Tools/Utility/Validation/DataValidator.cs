using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Utility.DateTime;
using LlmSpell.Values;

namespace LlmSpell.Tools.Utility.Validation;

/// <summary>Applies data_validation rules (tools.md §5.3) and collects errors with JSON paths.</summary>
internal sealed class DataValidator(bool failFast, long maxErrors)
{
    private static readonly string[] RuleTypes = ["required", "type", "length", "range", "pattern", "enum", "email", "url", "date", "custom", "array", "object"];

    public JsonArray Errors { get; } = [];

    private bool Full => Errors.Count >= maxErrors || (failFast && Errors.Count > 0);

    /// <summary>The rule list of a <c>rules</c> value: <c>{ rules = [...] }</c>, an array, or a single rule.</summary>
    public static JsonArray RuleList(JsonNode? rules, string where) => rules switch
    {
        JsonArray a => a,
        JsonObject o when o["rules"] is JsonArray a => a,
        JsonObject o when o["type"] is not null => [o.DeepClone()],
        JsonObject { Count: 0 } => [],
        _ => throw ToolFailureException.InvalidParameters($"{where}: expected an array of rules"),
    };

    public void Apply(JsonNode? value, JsonArray rules, string path)
    {
        for (var i = 0; i < rules.Count && !Full; i++)
        {
            if (rules[i] is not JsonObject rule || JsonValues.AsString(rule["type"]) is not { } type)
            {
                throw ToolFailureException.InvalidParameters($"rule {i + 1} at '{path}': every rule needs a 'type'");
            }

            if (!RuleTypes.Contains(type))
            {
                throw ToolFailureException.InvalidParameters($"rule {i + 1} at '{path}': unknown rule type '{type}'; valid types are {string.Join(", ", RuleTypes)}");
            }

            ApplyOne(value, rule, type, path);
        }
    }

    private void ApplyOne(JsonNode? value, JsonObject rule, string type, string path)
    {
        var kind = JsonValues.Classify(value);
        if (type == "required")
        {
            Check(kind != ValueKind.Null, path, value, type, "value is required");
            return;
        }

        if (kind == ValueKind.Null && type != "type")
        {
            return;
        }

        var text = JsonValues.AsString(value);
        switch (type)
        {
            case "type":
                var expected = JsonValues.AsString(rule["expected"]) ?? throw Malformed(path, "type rule needs 'expected'");
                Check(TypeMatches(value, kind, expected), path, value, type, $"expected {expected}, got {JsonValues.ScriptTypeName(value)}");
                break;
            case "length":
                var length = text is not null ? new StringInfo(text).LengthInTextElements : value is JsonArray arr ? arr.Count : -1;
                if (length >= 0)
                {
                    CheckBounds(length, rule["min"], rule["max"], path, value, type, "length");
                }

                break;
            case "range":
                if (JsonValues.IsNumber(value))
                {
                    CheckBounds(JsonValues.AsDouble(value)!.Value, rule["min"], rule["max"], path, value, type, "value");
                }

                break;
            case "pattern":
                var regex = JsonValues.AsString(rule["regex"]) ?? JsonValues.AsString(rule["pattern"]) ?? throw Malformed(path, "pattern rule needs 'regex'");
                if (text is not null)
                {
                    Check(Matches(regex, text, path), path, value, type, $"value does not match pattern '{regex}'");
                }

                break;
            case "enum":
                var values = rule["values"] as JsonArray ?? throw Malformed(path, "enum rule needs 'values'");
                Check(values.Any(v => JsonValues.DeepEquals(v, value)), path, value, type, $"value must be one of {JsonText.Compact(values)}");
                break;
            case "email":
                Check(text is not null && FormatChecks.Email(text), path, value, type, "invalid email address");
                break;
            case "url":
                Check(text is not null && FormatChecks.Url(text), path, value, type, "invalid URL");
                break;
            case "date":
                var format = JsonValues.AsString(rule["format"]) ?? "%Y-%m-%d";
                Check(text is not null && Strftime.TryParse(text, format, out _), path, value, type, $"invalid date (expected format '{format}')");
                break;
            case "custom":
                var name = JsonValues.AsString(rule["name"]) ?? throw Malformed(path, "custom rule needs 'name'");
                if (!FormatChecks.CustomNames.Contains(name))
                {
                    throw Malformed(path, $"unknown custom validator '{name}'; valid names are {string.Join(", ", FormatChecks.CustomNames)}");
                }

                Check(text is not null && FormatChecks.Custom(name, text), path, value, type, $"invalid {name.Replace('_', ' ')}");
                break;
            case "array":
                ApplyArray(value, rule, path);
                break;
            default:
                ApplyObject(value, rule, path);
                break;
        }
    }

    private void ApplyArray(JsonNode? value, JsonObject rule, string path)
    {
        if (value is not JsonArray items)
        {
            Check(value is JsonObject { Count: 0 }, path, value, "array", $"expected array, got {JsonValues.ScriptTypeName(value)}");
            return;
        }

        CheckBounds(items.Count, rule["min_items"], rule["max_items"], path, value, "array", "number of items");
        if (JsonValues.AsBool(rule["unique"]) == true)
        {
            for (var i = 1; i < items.Count && !Full; i++)
            {
                Check(!items.Take(i).Any(prev => JsonValues.DeepEquals(prev, items[i])), $"{path}[{i}]", items[i], "array", "duplicate item");
            }
        }

        if (rule["item_rules"] is { } itemRules)
        {
            var list = RuleList(itemRules, $"{path}.item_rules");
            for (var i = 0; i < items.Count && !Full; i++)
            {
                Apply(items[i], list, $"{path}[{i}]");
            }
        }
    }

    private void ApplyObject(JsonNode? value, JsonObject rule, string path)
    {
        if (value is not JsonObject obj)
        {
            Check(value is JsonArray { Count: 0 }, path, value, "object", $"expected object, got {JsonValues.ScriptTypeName(value)}");
            return;
        }

        if (rule["required"] is JsonArray required)
        {
            foreach (var name in required.Select(JsonValues.AsString).OfType<string>())
            {
                Check(obj[name] is not null, $"{path}.{name}", null, "required", $"required property '{name}' is missing");
            }
        }

        var properties = rule["properties"] as JsonObject;
        if (properties is not null)
        {
            foreach (var (name, rules) in properties)
            {
                if (!Full)
                {
                    Apply(obj[name], RuleList(rules, $"{path}.{name}"), $"{path}.{name}");
                }
            }
        }

        if (JsonValues.AsBool(rule["additional_properties"]) == false)
        {
            foreach (var (name, extra) in obj.Where(kv => properties is null || !properties.ContainsKey(kv.Key)))
            {
                Check(false, $"{path}.{name}", extra, "object", $"additional property '{name}' is not allowed");
            }
        }
    }

    private void CheckBounds(double actual, JsonNode? min, JsonNode? max, string path, JsonNode? value, string rule, string what)
    {
        if (JsonValues.AsDouble(min) is { } lo && actual < lo)
        {
            Check(false, path, value, rule, $"{what} must be at least {JsonText.Compact(min)}");
        }
        else if (JsonValues.AsDouble(max) is { } hi && actual > hi)
        {
            Check(false, path, value, rule, $"{what} must be at most {JsonText.Compact(max)}");
        }
    }

    private static bool TypeMatches(JsonNode? value, ValueKind kind, string expected) => expected switch
    {
        "null" => kind == ValueKind.Null,
        "boolean" => kind == ValueKind.Boolean,
        "number" => kind is ValueKind.Integer or ValueKind.Float,
        "integer" => kind == ValueKind.Integer || (kind == ValueKind.Float && JsonValues.AsInteger(value) is not null),
        "string" => kind == ValueKind.String,
        "array" => kind == ValueKind.Array || value is JsonObject { Count: 0 },
        "object" => kind == ValueKind.Object || value is JsonArray { Count: 0 },
        _ => throw ToolFailureException.InvalidParameters($"type rule: unknown type '{expected}'"),
    };

    private static bool Matches(string regex, string text, string path)
    {
        try
        {
            return Regex.IsMatch(text, regex, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw Malformed(path, $"invalid regular expression '{regex}': {ex.Message}");
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private void Check(bool ok, string path, JsonNode? value, string rule, string message)
    {
        if (!ok && !Full)
        {
            Errors.Add((JsonNode)new JsonObject { ["field"] = path, ["value"] = value?.DeepClone(), ["rule"] = rule, ["message"] = message });
        }
    }

    private static ToolFailureException Malformed(string path, string reason) =>
        ToolFailureException.InvalidParameters($"rule at '{path}': {reason}");
}
