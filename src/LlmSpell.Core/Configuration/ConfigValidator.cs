using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Configuration;

/// <summary>Semantic validation after overrides (cli-and-config.md §4.4).</summary>
internal static class ConfigValidator
{
    public static void Validate(LlmSpellConfig c, IReadOnlyDictionary<string, string> env, List<string> warnings, List<string> errors)
    {
        void Error(string key, string reason) => errors.Add($"invalid configuration: {key}: {reason}");

        var engine = c.GetString("default_engine");
        if (engine is not null and not "lua")
        {
            Error("default_engine", $"script engine '{engine}' is not available; only 'lua' is supported");
        }

        ValidateProviders(c, Error, warnings);

        if (c.GetStrings("tools.file_operations.allowed_paths").Count == 0)
        {
            Error("tools.file_operations.allowed_paths", "must not be empty; list at least one directory (for example [\"/tmp\"])");
        }

        Positive(c, "tools.file_operations.max_file_size", Error);
        Positive(c, "tools.file_operations.max_depth", Error);
        var maxResults = c.GetInt("tools.web_search.max_results");
        if (maxResults is < 1 or > 50)
        {
            Error("tools.web_search.max_results", $"must be between 1 and 50 (found {maxResults})");
        }

        foreach (var key in new[]
        {
            "tools.network.timeout_seconds", "tools.http_request.timeout_seconds", "tools.web_search.timeout_seconds",
            "tools.system.command_timeout_seconds", "tools.email.timeout_seconds", "tools.database.query_timeout_seconds",
            "tools.database.connection_timeout_seconds", "tools.media.processing_timeout_seconds", "hooks.timeout_ms",
        })
        {
            Positive(c, key, Error);
        }

        foreach (var key in new[] { "tools.network.allowed_hosts", "tools.network.blocked_hosts", "tools.service_checker.allowed_hosts" })
        {
            foreach (var host in c.GetStrings(key))
            {
                if (!IsValidHostPattern(host))
                {
                    Error(key, $"invalid host pattern '{host}'; use an exact host, '*.example.com' or '*'");
                }
            }
        }

        if (c.GetString("runtime.state_persistence.backend_type") == "postgres" && string.IsNullOrEmpty(c.GetString("runtime.state_persistence.connection_string")))
        {
            Error("runtime.state_persistence.connection_string", "is required when backend_type = \"postgres\"");
        }

        Positive(c, "runtime.state_persistence.max_state_size_bytes", Error);
        var compression = c.GetString("runtime.state_persistence.backup.compression_type");
        var level = c.GetInt("runtime.state_persistence.backup.compression_level");
        var maxLevel = compression is "zstd" or "lz4" ? 22 : 9;
        if (level < 1 || level > maxLevel)
        {
            Error("runtime.state_persistence.backup.compression_level", $"must be between 1 and {maxLevel} for {compression} (found {level})");
        }

        if (compression == "lz4")
        {
            warnings.Add("runtime.state_persistence.backup.compression_type: lz4 is not available; zstd is used instead");
        }

        Positive(c, "runtime.state_persistence.backup.max_backups", Error);
        Positive(c, "runtime.sessions.max_sessions", Error);
        Positive(c, "runtime.sessions.max_artifacts_per_session", Error);
        Positive(c, "events.buffer_size", Error);
        foreach (var (inc, exc) in new[] { ("events.filtering.include_types", "events.filtering.exclude_types"), ("events.filtering.include_components", "events.filtering.exclude_components") })
        {
            foreach (var both in c.GetStrings(inc).Intersect(c.GetStrings(exc), StringComparer.Ordinal))
            {
                Error(exc, $"pattern '{both}' appears in both {inc} and {exc}");
            }
        }

        if (c.GetString("events.export.webhook") is { } hook &&
            !(hook.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || hook.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            Error("events.export.webhook", $"must be an http(s) URL (found '{hook}')");
        }

        ValidateRag(c, Error);
        TelemetryConfigValidator.Validate(c, Error);

        if (!c.GetBool("runtime.security.allow_network_access", true) && c.ProviderNames.Count > 0)
        {
            warnings.Add("Network access is disabled - LLM providers won't work");
        }
    }

    private static void ValidateProviders(LlmSpellConfig c, Action<string, string> error, List<string> warnings)
    {
        if (c.GetSection("providers") is not { } providers)
        {
            return;
        }

        foreach (var name in c.ProviderNames.ToList())
        {
            var entry = (JsonObject)providers[name]!;
            var type = JsonValues.AsString(entry["provider_type"]);
            var kind = ProviderCatalog.Find(type ?? name);
            if (kind is null)
            {
                warnings.Add(type is null
                    ? $"provider '{name}': no provider_type and '{name}' is not a known provider type; entry ignored"
                    : $"provider '{name}': unknown provider type '{type}'; entry ignored");
                entry["ignored"] = true;
                continue;
            }

            if (c.GetIntOrNull($"providers.{name}.timeout_seconds") == 0)
            {
                error($"providers.{name}.timeout_seconds", "must be greater than 0");
            }

            if (c.GetIntOrNull($"providers.{name}.max_tokens") is { } mt && mt <= 0)
            {
                error($"providers.{name}.max_tokens", $"must be greater than 0 (found {mt})");
            }

            if (c.GetDouble($"providers.{name}.temperature") is { } t && (t < 0 || t > 2))
            {
                error($"providers.{name}.temperature", $"must be between 0 and 2 (found {LlmSpellConfig.Describe(t)})");
            }
        }

        var defaultProvider = c.GetString("providers.default_provider");
        if (defaultProvider is not null && ProviderCatalog.Find(defaultProvider) is null && !IsUsableEntry(c, defaultProvider))
        {
            error("providers.default_provider", $"'{defaultProvider}' is not a configured or built-in provider");
        }
    }

    private static bool IsUsableEntry(LlmSpellConfig c, string name) =>
        c.GetSection($"providers.{name}") is { } e && e["ignored"] is null;

    private static void ValidateRag(LlmSpellConfig c, Action<string, string> error)
    {
        var dims = c.GetInt("rag.vector_storage.dimensions");
        if (dims is < 1 or > 8192)
        {
            error("rag.vector_storage.dimensions", $"must be between 1 and 8192 (found {dims})");
        }

        var m = c.GetInt("rag.vector_storage.hnsw.m");
        if (m is < 2 or > 100)
        {
            error("rag.vector_storage.hnsw.m", $"must be between 2 and 100 (found {m})");
        }

        var efc = c.GetInt("rag.vector_storage.hnsw.ef_construction");
        if (efc < m)
        {
            error("rag.vector_storage.hnsw.ef_construction", $"must be at least hnsw.m ({m}) (found {efc})");
        }

        Positive(c, "rag.vector_storage.hnsw.ef_search", error);
        Positive(c, "rag.vector_storage.hnsw.max_elements", error);
        var size = c.GetInt("rag.chunking.chunk_size");
        var overlap = c.GetInt("rag.chunking.overlap");
        if (overlap >= size)
        {
            error("rag.chunking.overlap", $"must be smaller than chunking.chunk_size ({size}) (found {overlap})");
        }

        if (c.GetInt("rag.chunking.min_chunk_size") > c.GetInt("rag.chunking.max_chunk_size"))
        {
            error("rag.chunking.min_chunk_size", "must not exceed chunking.max_chunk_size");
        }

        var embed = c.GetString("rag.embedding.default_provider") ?? "local";
        if (embed != "local")
        {
            var entryType = c.GetString($"providers.{embed}.provider_type");
            var kind = ProviderCatalog.Find(entryType ?? embed);
            if (kind is null && !IsUsableEntry(c, embed))
            {
                error("rag.embedding.default_provider", $"unknown embedding provider '{embed}' (use local, openai, ollama or a configured provider)");
            }
            else if (kind?.Protocol is "anthropic" or "mock")
            {
                error("rag.embedding.default_provider", $"provider '{embed}' has no embeddings; use local, openai, ollama or an OpenAI-compatible provider");
            }
            else
            {
                var model = c.GetString("rag.embedding.model") ?? c.GetString($"providers.{embed}.embedding_model") ?? kind?.DefaultEmbeddingModel;
                var fixedDims = model switch
                {
                    "text-embedding-ada-002" => 1536,
                    _ => 0,
                };
                var maxDims = model switch
                {
                    "text-embedding-3-small" => 1536,
                    "text-embedding-3-large" => 3072,
                    _ => int.MaxValue,
                };
                if ((fixedDims > 0 && dims != fixedDims) || dims > maxDims)
                {
                    error("rag.vector_storage.dimensions", $"embedding model '{model}' produces {(fixedDims > 0 ? fixedDims : maxDims)} dimensions at most, but dimensions is {dims}");
                }
            }
        }
    }

    private static void Positive(LlmSpellConfig c, string key, Action<string, string> error)
    {
        if (c.GetIntOrNull(key) is { } v && v <= 0)
        {
            error(key, $"must be greater than 0 (found {v})");
        }
    }

    private static bool IsValidHostPattern(string host)
    {
        if (host == "*")
        {
            return true;
        }

        var h = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
        return h.Length > 0 && !h.Contains('*', StringComparison.Ordinal) && !h.Contains(' ', StringComparison.Ordinal) && !h.Contains('/', StringComparison.Ordinal);
    }
}
