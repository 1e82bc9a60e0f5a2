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
        var config = new LlmSpellConfig(root, path);
        EnvironmentOverrides.Apply(config, environment, warnings, errors);
        ApplyDefaults(config, ConfigSchema.Root, "");
        ApplyDerivedDefaults(config);
        if (errors.Count == 0)
        {
            ConfigValidator.Validate(config, environment, warnings, errors);
        }

        return new ConfigLoadResult(config, warnings, errors);
    }

    private sealed record WalkContext(
        string Source,
        Dictionary<string, (int Line, int Column)> Positions,
        IReadOnlyDictionary<string, string> Environment,
        List<string> Warnings,
        List<string> Errors)
    {
        public string Where(string path)
        {
            var probe = path;
            while (probe.Length > 0)
            {
                if (Positions.TryGetValue(probe, out var p))
                {
                    return $"{Source}:{p.Line}:{p.Column}";
                }

                var dot = probe.LastIndexOf('.');
                probe = dot < 0 ? "" : probe[..dot];
            }

            return Source;
        }
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
                result[key] = Substitute(value, path, ctx);
            }
            else if (leaf is { Type: "map" })
            {
                if (value is JsonObject)
                {
                    result[key] = Substitute(value, path, ctx);
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
                return kind == ValueKind.String ? Substitute(value, path, ctx) : TypeError(path, "a string", value, ctx);
            case "strs":
                if (value is JsonArray sa && sa.All(n => JsonValues.Classify(n) == ValueKind.String))
                {
                    return Substitute(value, path, ctx);
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

                var text = JsonValues.AsString(Substitute(value, path, ctx))!;
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

    // ${NAME} and ${NAME:-default} are replaced after parsing; $${ is a literal ${.
    private static JsonNode? Substitute(JsonNode? node, string path, WalkContext ctx)
    {
        switch (node)
        {
            case JsonObject obj:
                var o = new JsonObject();
                foreach (var (k, v) in obj)
                {
                    o[k] = Substitute(v, path + "." + k, ctx);
                }

                return o;
            case JsonArray arr:
                var a = new JsonArray();
                foreach (var v in arr)
                {
                    a.Add(Substitute(v, path, ctx));
                }

                return a;
            case JsonValue v when JsonValues.AsString(v) is { } s && s.Contains('$', StringComparison.Ordinal):
                return JsonValue.Create(ExpandVariables(s, path, ctx));
            default:
                return node?.DeepClone();
        }
    }

    private static string ExpandVariables(string s, string path, WalkContext ctx)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] == '$' && i + 2 < s.Length && s[i + 1] == '$' && s[i + 2] == '{')
            {
                sb.Append("${");
                i += 3;
                continue;
            }

            if (s[i] == '$' && i + 1 < s.Length && s[i + 1] == '{')
            {
                var end = s.IndexOf('}', i + 2);
                if (end > 0)
                {
                    var body = s[(i + 2)..end];
                    var sep = body.IndexOf(":-", StringComparison.Ordinal);
                    var name = sep >= 0 ? body[..sep] : body;
                    string? fallback = sep >= 0 ? body[(sep + 2)..] : null;
                    if (ctx.Environment.TryGetValue(name, out var value) && value.Length > 0)
                    {
                        sb.Append(value);
                    }
                    else if (fallback is not null)
                    {
                        sb.Append(fallback);
                    }
                    else
                    {
                        ctx.Warnings.Add($"{ctx.Where(path)}: environment variable '{name}' is not set (used in '{path}'); using an empty string");
                    }

                    i = end + 1;
                    continue;
                }
            }

            sb.Append(s[i]);
            i++;
        }

        return sb.ToString();
    }

    private static void ApplyDefaults(LlmSpellConfig config, SchemaNode node, string prefix)
    {
        foreach (var (key, child) in node.Children)
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            if (child.Leaf is { Default: { } d } && config.Get(path) is null)
            {
                config.Set(path, d.DeepClone());
            }

            if (child.Children.Count > 0)
            {
                ApplyDefaults(config, child, path);
            }

            if (child.Wildcard is { } wild && config.GetSection(path) is { } section)
            {
                foreach (var (entryName, entry) in section)
                {
                    if (entry is not JsonObject)
                    {
                        continue;
                    }

                    foreach (var (leafName, leafNode) in wild.Children)
                    {
                        var leafPath = $"{path}.{entryName}.{leafName}";
                        if (leafNode.Leaf is { Default: { } ld } && leafNode.Children.Count == 0 && config.Get(leafPath) is null)
                        {
                            config.Set(leafPath, ld.DeepClone());
                        }
                    }
                }
            }
        }
    }

    private static void ApplyDerivedDefaults(LlmSpellConfig config)
    {
        if (config.GetString("runtime.state_persistence.path") is null)
        {
            var dir = config.GetString("runtime.state_persistence.schema_directory");
            config.Set("runtime.state_persistence.path", dir is null ? "./.llmspell/llmspell.db" : System.IO.Path.Combine(dir, "state.db"));
        }

        var backend = config.GetString("runtime.state_persistence.backend_type");
        if (backend == "file")
        {
            config.Set("runtime.state_persistence.backend_type", "sqlite");
            backend = "sqlite";
        }

        var sessions = config.GetString("runtime.sessions.storage_backend");
        if (sessions is null)
        {
            var persistent = config.GetBool("runtime.state_persistence.enabled", true) && backend is "sqlite" or "postgres";
            config.Set("runtime.sessions.storage_backend", persistent ? backend : "memory");
        }
        else if (sessions == "file")
        {
            config.Set("runtime.sessions.storage_backend", "sqlite");
        }

        if (config.GetString("runtime.sessions.storage_path") is null)
        {
            config.Set("runtime.sessions.storage_path", config.GetString("runtime.state_persistence.path"));
        }

        if (config.GetString("runtime.sessions.connection_string") is null &&
            config.GetString("runtime.state_persistence.connection_string") is { } cs)
        {
            config.Set("runtime.sessions.connection_string", cs);
        }

        if (config.GetString("engines.lua.stdlib") == "full")
        {
            config.Set("engines.lua.stdlib", "all");
        }

        if (config.GetString("tools.network.user_agent") is null)
        {
            config.Set("tools.network.user_agent", $"llmspell/{ProductInfo.Version}");
        }

        var metric = config.GetString("rag.vector_storage.hnsw.metric");
        if (metric is "innerproduct" or "dot")
        {
            config.Set("rag.vector_storage.hnsw.metric", "inner_product");
        }
    }
}
