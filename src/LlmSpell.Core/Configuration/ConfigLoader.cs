using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Configuration;

/// <summary>
/// Loads the effective configuration: discovery, TOML parsing, schema checks (unknown keys warn,
/// wrong types fail with file:line:column), <c>${VAR}</c> substitution, environment overrides,
/// defaults and semantic validation (cli-and-config.md §4).
/// </summary>
public static class ConfigLoader
{
    /// <summary>Discovers and loads the configuration of this process.</summary>
    public static ConfigLoadResult Load(ConfigLoadOptions options)
    {
        string? path;
        try
        {
            path = ConfigDiscovery.Find(options);
        }
        catch (ConfigException ex)
        {
            return new ConfigLoadResult(LlmSpellConfig.Defaults(), [], ex.Errors);
        }

        if (path is null)
        {
            return FromText("", null, options.Environment);
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ConfigLoadResult(LlmSpellConfig.Defaults(), [], [$"configuration error: {path}: cannot read the file: {ex.Message}"]);
        }

        return FromText(text, path, options.Environment);
    }

    /// <summary>Loads configuration from TOML text (<paramref name="path"/> null = built-in defaults).</summary>
    public static ConfigLoadResult FromText(string text, string? path, IReadOnlyDictionary<string, string> environment)
    {
        var warnings = new List<string>();
        var errors = new List<string>();
        var source = path ?? "(defaults)";
        TomlTreeReader.Result raw;
        try
        {
            raw = TomlTreeReader.Read(text, source);
        }
        catch (ConfigException ex)
        {
            return new ConfigLoadResult(LlmSpellConfig.Defaults(), warnings, ex.Errors);
        }

        var ctx = new WalkContext(source, raw.Positions, environment, warnings, errors);
        NormaliseProviderLayouts(raw.Root, ctx);
        var root = Walk(raw.Root, [ConfigSchema.Root], "", ctx);
        ChooseEmbeddedStateBackend(root);
        var config = new LlmSpellConfig(root, path);
        EnvironmentOverrides.Apply(config, environment, warnings, errors);
        ConfigDefaults.Apply(config, ConfigSchema.Root, "");
        ConfigDefaults.ApplyDerived(config);
        if (errors.Count == 0)
        {
            ConfigValidator.Validate(config, environment, warnings, errors);
        }

        return new ConfigLoadResult(config, warnings, errors);
    }

    // [providers.providers.<n>] (layout B) means the same as [providers.<n>] (layout A).
    private static void NormaliseProviderLayouts(JsonObject root, WalkContext ctx)
    {
        if (root["providers"] is not JsonObject providers || providers["providers"] is not JsonObject nested)
        {
            return;
        }

        providers.Remove("providers");
        foreach (var name in nested.Select(kv => kv.Key).ToList())
        {
            var entry = nested[name];
            nested.Remove(name);
            if (name is "default_provider" && entry is JsonValue)
            {
                providers.TryAdd(name, entry);
                continue;
            }

            if (providers.ContainsKey(name))
            {
                ctx.Errors.Add($"invalid configuration: providers.{name}: provider '{name}' is defined in both [providers.{name}] and [providers.providers.{name}]");
                continue;
            }

            providers[name] = entry;
            foreach (var key in ctx.Positions.Keys.Where(k => k.StartsWith($"providers.providers.{name}", StringComparison.Ordinal)).ToList())
            {
                ctx.Positions[string.Concat("providers.", key.AsSpan("providers.providers.".Length))] = ctx.Positions[key];
            }
        }
    }

    private static JsonObject Walk(JsonObject raw, List<SchemaNode> nodes, string prefix, WalkContext ctx)
    {
        var result = new JsonObject();
        foreach (var (key, value) in raw.ToList())
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            var candidates = ConfigSchema.Children(nodes, key);
            if (candidates.Count == 0)
            {
                ReportUnknown(path, value, ctx);
                continue;
            }

            var leaf = candidates.Select(c => c.Leaf).FirstOrDefault(l => l is not null);
            var hasChildren = candidates.Any(c => c.Children.Count > 0 || c.Wildcard is not null);
            raw.Remove(key);
            if (leaf is { Type: "any" })
            {
                result[key] = ConfigVariables.Substitute(value, path, ctx);
            }
            else if (leaf is { Type: "map" })
            {
                if (value is JsonObject)
                {
                    result[key] = ConfigVariables.Substitute(value, path, ctx);
                }
                else
                {
                    TypeError(path, "a table", value, ctx);
                }
            }
            else if (value is JsonObject obj && hasChildren)
            {
                result[key] = Walk(obj, candidates, path, ctx);
            }
            else if (leaf is not null)
            {
                var checkedValue = CheckLeaf(leaf, path, value, ctx);
                if (checkedValue is not null)
                {
                    result[key] = checkedValue;
                }
            }
            else
            {
                TypeError(path, "a table", value, ctx);
            }
        }

        return result;
    }

    private static void ReportUnknown(string path, JsonNode? value, WalkContext ctx)
    {
        if (value is JsonObject obj && obj.Count > 0)
        {
            foreach (var (k, v) in obj)
            {
                ReportUnknown(path + "." + k, v, ctx);
            }

            return;
        }

        ctx.Warnings.Add($"{ctx.Where(path)}: unknown configuration key '{path}' (ignored)");
    }

    private static JsonNode? CheckLeaf(SchemaLeaf leaf, string path, JsonNode? value, WalkContext ctx)
    {
        var kind = JsonValues.Classify(value);
        switch (leaf.Type)
        {
            case "int":
                if (JsonValues.AsInteger(value) is { } l)
                {
                    return JsonValue.Create(l);
                }

                return TypeError(path, "an integer", value, ctx);
            case "float":
                return kind is ValueKind.Integer or ValueKind.Float
                    ? JsonValue.Create(JsonValues.AsDouble(value)!.Value)
                    : TypeError(path, "a number", value, ctx);
            case "bool":
                return kind == ValueKind.Boolean ? value!.DeepClone() : TypeError(path, "a boolean", value, ctx);
            case "str":
            case "path":
                return kind == ValueKind.String ? ConfigVariables.Substitute(value, path, ctx) : TypeError(path, "a string", value, ctx);
            case "strs":
                if (value is JsonArray sa && sa.All(n => JsonValues.Classify(n) == ValueKind.String))
                {
                    return ConfigVariables.Substitute(value, path, ctx);
                }

                return TypeError(path, "an array of strings", value, ctx);
            case "ints":
                if (value is JsonArray ia && ia.All(n => JsonValues.Classify(n) == ValueKind.Integer))
                {
                    return value.DeepClone();
                }

                return TypeError(path, "an array of integers", value, ctx);
            case "enum":
                if (kind != ValueKind.String)
                {
                    return TypeError(path, "a string", value, ctx);
                }

                var text = JsonValues.AsString(ConfigVariables.Substitute(value, path, ctx))!;
                var match = leaf.EnumValues!.FirstOrDefault(v => string.Equals(v, text.Trim(), StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    ctx.Errors.Add($"configuration error: {ctx.Where(path)}: '{path}' must be one of {string.Join(", ", CanonicalEnum(leaf.EnumValues!))} (found '{text}')");
                    return null;
                }

                return JsonValue.Create(match);
            default:
                return value?.DeepClone();
        }
    }

    private static IEnumerable<string> CanonicalEnum(string[] values) =>
        values.Where(v => v is not ("full" or "file" or "innerproduct" or "dot" or "js" or "lz4"));

    private static JsonNode? TypeError(string path, string expected, JsonNode? found, WalkContext ctx)
    {
        ctx.Errors.Add($"configuration error: {ctx.Where(path)}: '{path}' expects {expected}, found {Describe(found)}");
        return null;
    }

    internal static string Describe(JsonNode? node) => JsonValues.Classify(node) switch
    {
        ValueKind.Null => "nothing",
        ValueKind.Boolean => "a boolean",
        ValueKind.Integer => "an integer",
        ValueKind.Float => "a float",
        ValueKind.String => "a string",
        ValueKind.Array => "an array",
        _ => "a table",
    };

    // Persistence switched on explicitly without naming a backend means the embedded default,
    // SQLite in ./.llmspell/ (issue 5); with no configuration at all State stays in memory
    // (compatibility-matrix.md E5), which is the schema default of backend_type.
    private static void ChooseEmbeddedStateBackend(JsonObject root)
    {
        if (root["runtime"]?["state_persistence"] is JsonObject persistence &&
            JsonValues.AsBool(persistence["enabled"]) == true && !persistence.ContainsKey("backend_type"))
        {
            persistence["backend_type"] = "sqlite";
        }
    }
}
