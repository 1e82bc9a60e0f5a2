using System.Globalization;
using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Configuration;

/// <summary>Applies environment overrides after the file (cli-and-config.md §4.3).</summary>
internal static class EnvironmentOverrides
{
    private static readonly (string Variable, string Path)[] Named =
    [
        ("LLMSPELL_DEFAULT_ENGINE", "default_engine"),
        ("LLMSPELL_LOG_LEVEL", "runtime.log_level"),
        ("LLMSPELL_SCRIPT_TIMEOUT_SECONDS", "runtime.script_timeout_seconds"),
        ("LLMSPELL_MAX_CONCURRENT_SCRIPTS", "runtime.max_concurrent_scripts"),
        ("LLMSPELL_ALLOW_FILE_ACCESS", "runtime.security.allow_file_access"),
        ("LLMSPELL_ALLOW_NETWORK_ACCESS", "runtime.security.allow_network_access"),
        ("LLMSPELL_ALLOW_PROCESS_SPAWN", "runtime.security.allow_process_spawn"),
        ("LLMSPELL_STATE_ENABLED", "runtime.state_persistence.enabled"),
        ("LLMSPELL_STATE_BACKEND", "runtime.state_persistence.backend_type"),
        ("LLMSPELL_STATE_PATH", "runtime.state_persistence.path"),
        ("LLMSPELL_STATE_MIGRATION_ENABLED", "runtime.state_persistence.migration_enabled"),
        ("LLMSPELL_STATE_BACKUP_ENABLED", "runtime.state_persistence.backup_enabled"),
        ("LLMSPELL_STATE_BACKUP_DIR", "runtime.state_persistence.backup.backup_dir"),
        ("LLMSPELL_STATE_MAX_SIZE_BYTES", "runtime.state_persistence.max_state_size_bytes"),
        ("LLMSPELL_SESSIONS_ENABLED", "runtime.sessions.enabled"),
        ("LLMSPELL_SESSIONS_BACKEND", "runtime.sessions.storage_backend"),
        ("LLMSPELL_SESSIONS_MAX", "runtime.sessions.max_sessions"),
        ("LLMSPELL_SESSIONS_TIMEOUT_SECONDS", "runtime.sessions.session_timeout_seconds"),
        ("LLMSPELL_TOOLS_ALLOWED_PATHS", "tools.file_operations.allowed_paths"),
        ("LLMSPELL_TOOLS_MAX_FILE_SIZE", "tools.file_operations.max_file_size"),
        ("LLMSPELL_TOOLS_RATE_LIMIT", "tools.rate_limit_per_minute"),
        ("LLMSPELL_HOOKS_ENABLED", "hooks.enabled"),
        ("LLMSPELL_EVENTS_ENABLED", "events.enabled"),
        ("LLMSPELL_EVENTS_BUFFER_SIZE", "events.buffer_size"),
        ("LLMSPELL_RAG_ENABLED", "rag.enabled"),
        ("LLMSPELL_RAG_DIMENSIONS", "rag.vector_storage.dimensions"),
        ("LLMSPELL_RAG_EMBEDDING_PROVIDER", "rag.embedding.default_provider"),
        ("LLMSPELL_RAG_PERSISTENCE_PATH", "rag.vector_storage.persistence_path"),
        ("LLMSPELL_DEBUG", "debug.enabled"),
        ("LLMSPELL_DEBUG_LEVEL", "debug.level"),
    ];

    private static readonly string[] ProviderFields = ["API_KEY", "BASE_URL", "MODEL", "TYPE"];

    public static void Apply(LlmSpellConfig config, IReadOnlyDictionary<string, string> env, List<string> warnings, List<string> errors)
    {
        // Order: generic overrides, then named overrides and provider variables (§4.3).
        foreach (var (name, value) in env.Where(kv => kv.Key.StartsWith("LLMSPELL__", StringComparison.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var path = string.Join('.', name["LLMSPELL__".Length..].Split("__", StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
            SetFromText(config, name, path, value, warnings, errors);
        }

        foreach (var (variable, path) in Named)
        {
            if (env.TryGetValue(variable, out var value) && value.Length > 0)
            {
                SetFromText(config, variable, path, value, warnings, errors);
            }
        }

        foreach (var (name, value) in env.Where(kv => kv.Key.StartsWith("LLMSPELL_PROVIDER_", StringComparison.Ordinal)))
        {
            ApplyProviderVariable(config, env, name, value);
        }
    }

    private static void ApplyProviderVariable(LlmSpellConfig config, IReadOnlyDictionary<string, string> env, string variable, string value)
    {
        var rest = variable["LLMSPELL_PROVIDER_".Length..];
        var field = ProviderFields.FirstOrDefault(f => rest.EndsWith("_" + f, StringComparison.Ordinal));
        if (field is null || value.Length == 0)
        {
            return;
        }

        var name = rest[..^(field.Length + 1)].ToLowerInvariant();
        var path = $"providers.{name}";
        var exists = config.GetSection(path) is not null;
        var typeVar = $"LLMSPELL_PROVIDER_{rest[..^(field.Length + 1)]}_TYPE";
        if (!exists && ProviderCatalog.Find(name) is null && field != "TYPE" &&
            !env.ContainsKey(typeVar))
        {
            return;
        }

        var key = field switch
        {
            "API_KEY" => "api_key",
            "BASE_URL" => "base_url",
            "MODEL" => "default_model",
            _ => "provider_type",
        };
        config.Set($"{path}.{key}", value);
    }

    private static void SetFromText(LlmSpellConfig config, string variable, string path, string text, List<string> warnings, List<string> errors)
    {
        var leaf = ConfigSchema.FindLeaf(path);
        if (leaf is null)
        {
            warnings.Add($"environment variable {variable}: unknown configuration key '{path}' (ignored)");
            return;
        }

        var parsed = Parse(leaf, text);
        if (parsed is null)
        {
            errors.Add($"configuration error: environment variable {variable}: expects {Expected(leaf)}");
            return;
        }

        config.Set(path, parsed);
    }

    private static JsonNode? Parse(SchemaLeaf leaf, string text)
    {
        var t = text.Trim();
        switch (leaf.Type)
        {
            case "bool":
                return t.ToLowerInvariant() switch
                {
                    "true" or "1" or "yes" or "on" => JsonValue.Create(true),
                    "false" or "0" or "no" or "off" => JsonValue.Create(false),
                    _ => null,
                };
            case "int":
                return long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l) : null;
            case "float":
                return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : null;
            case "strs":
            case "ints":
                if (t.StartsWith('['))
                {
                    try
                    {
                        return JsonText.Parse(t) as JsonArray;
                    }
                    catch (JsonParseException)
                    {
                        return null;
                    }
                }

                var items = new JsonArray();
                foreach (var part in t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (leaf.Type == "ints")
                    {
                        if (!long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var li))
                        {
                            return null;
                        }

                        items.Add((JsonNode?)li);
                    }
                    else
                    {
                        items.Add((JsonNode?)part);
                    }
                }

                return items;
            case "map":
                try
                {
                    return JsonText.Parse(t) as JsonObject;
                }
                catch (JsonParseException)
                {
                    return null;
                }

            case "enum":
                var match = leaf.EnumValues!.FirstOrDefault(v => string.Equals(v, t, StringComparison.OrdinalIgnoreCase));
                return match is null ? null : JsonValue.Create(match);
            default:
                return JsonValue.Create(text);
        }
    }

    private static string Expected(SchemaLeaf leaf) => leaf.Type switch
    {
        "bool" => "a boolean",
        "int" => "an integer",
        "float" => "a number",
        "strs" or "ints" => "an array",
        "map" => "a table",
        "enum" => "one of " + string.Join(", ", leaf.EnumValues!),
        _ => "a string",
    };
}
