using System.Text.Json.Nodes;
using LlmSpell.Configuration;
using LlmSpell.Security;
using LlmSpell.Values;

namespace LlmSpell.Providers.Configuration;

/// <summary>
/// Resolves provider names, model strings, credentials and endpoints from the config entries, the
/// environment and the catalogue (behaviours.md §1.2–1.4). Pure: never contacts a provider.
/// </summary>
public sealed class ProviderResolver
{
    private readonly LlmSpellConfig _config;
    private readonly Func<string, string?> _environment;
    private readonly KeyStoreCredentials _storedKeys;

    /// <param name="config">The run's configuration.</param>
    /// <param name="environment">Environment variable lookup.</param>
    /// <param name="storedKeys">The key store (last credential source); default: the store the environment names, read lazily.</param>
    public ProviderResolver(LlmSpellConfig config, Func<string, string?> environment, KeyStoreCredentials? storedKeys = null)
    {
        _config = config;
        _environment = environment;
        _storedKeys = storedKeys ?? KeyStoreCredentials.FromEnvironment(environment, TimeProvider.System);
    }

    /// <summary>Why the key store could not be read, once a lookup needed it; null otherwise.</summary>
    public string? StoredKeyProblem => _storedKeys.Problem;

    /// <summary>True when the key store holds a usable key for <paramref name="service"/> (reads the store).</summary>
    public bool HasStoredKey(string service) => _storedKeys.Find(service) is not null;

    /// <summary>Records that an agent was built with the stored key of <paramref name="service"/> (failure-tolerant).</summary>
    public void RecordStoredKeyUse(string service) => _storedKeys.RecordUse(service);

    /// <summary>providers.default_provider, else openai.</summary>
    public string DefaultProvider => _config.GetString("providers.default_provider") is { Length: > 0 } d ? d : "openai";

    /// <summary>Configured entries whose type is known (entries of unknown type are ignored, cli-and-config.md §4.4).</summary>
    public IReadOnlyList<string> ConfiguredNames =>
        [.. _config.ProviderNames.Where(n => KindOf(n, Entry(n)) is not null)];

    /// <summary>Known provider names: the types, the presets and every configured entry (behaviours.md §1.2).</summary>
    public IReadOnlyList<string> KnownNames =>
        [.. ProviderCatalog.Types.Select(k => k.Name).Concat(ProviderCatalog.Presets.Select(k => k.Name)).Concat(ConfiguredNames)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>True when <paramref name="name"/> is a known provider name.</summary>
    public bool IsKnown(string name) => Find(name) is not null;

    /// <summary>The settings of a provider, or null when the name is unknown.</summary>
    public ProviderSettings? Find(string name)
    {
        var entry = Entry(name);
        var kind = KindOf(name, entry);
        if (kind is null)
        {
            return null;
        }

        string? Str(string key) => JsonValues.AsString(entry?[key]) is { Length: > 0 } s ? s : null;
        long? Int(string key) => JsonValues.AsInteger(entry?[key]);
        string? Env(string? variable) => variable is null ? null : _environment(variable) is { Length: > 0 } v ? v : null;

        var explicitBase = Str("base_url");
        var baseUrl = (explicitBase ?? Env(kind.BaseUrlVariable) ?? kind.BaseUrl).TrimEnd('/');
        var keyEnv = Str("api_key_env");
        var key = Str("api_key") ?? Env(keyEnv) ?? Env(kind.KeyVariable);
        var waived = kind.Protocol == "openai" && explicitBase is not null
            && !string.Equals(explicitBase.TrimEnd('/'), kind.BaseUrl, StringComparison.OrdinalIgnoreCase);
        string? storedService = null;
        if (key is null && (kind.KeyRequired || keyEnv is not null))
        {
            // The store is consulted last and only now, so runs whose keys come from config or the
            // environment never open it. The type's entry ("openai") is not offered to an entry that
            // points at another server: that key belongs to the vendor.
            var vendorEndpoint = explicitBase is null || string.Equals(explicitBase.TrimEnd('/'), kind.BaseUrl, StringComparison.OrdinalIgnoreCase);
            (storedService, key) = _storedKeys.Find(name) is { } own ? (name, own)
                : kind.Name != name && vendorEndpoint && _storedKeys.Find(kind.Name) is { } typed ? (kind.Name, typed)
                : (null, null);
        }

        var retry = entry?["retry"] as JsonObject;
        var rate = entry?["rate_limit"] as JsonObject;
        var cache = entry?["cache"] as JsonObject;
        var breaker = entry?["circuit_breaker"] as JsonObject;
        var builtInDefault = ProviderCatalog.Types.Any(t => t.Name == name) ? kind.DefaultModel : null;
        return new ProviderSettings
        {
            Name = name,
            Type = kind.Name,
            Protocol = kind.Protocol,
            Configured = entry is not null,
            Enabled = JsonValues.AsBool(entry?["enabled"]) ?? true,
            BaseUrl = baseUrl,
            ApiKey = key,
            KeyStoreService = storedService,
            KeyVariable = keyEnv ?? kind.KeyVariable,
            KeyRequired = kind.KeyRequired && !waived,
            DefaultModel = Str("default_model") ?? Str("model") ?? builtInDefault,
            MaxTokens = (int?)Int("max_tokens"),
            Temperature = JsonValues.AsDouble(entry?["temperature"]),
            Timeout = TimeSpan.FromSeconds(Int("timeout_seconds") ?? 120),
            MaxRetries = (int)(JsonValues.AsInteger(retry?["max_retries"]) ?? Int("max_retries") ?? 3),
            InitialRetryDelay = TimeSpan.FromMilliseconds(JsonValues.AsInteger(retry?["initial_delay_ms"]) ?? 1000),
            MaxRetryDelay = TimeSpan.FromMilliseconds(JsonValues.AsInteger(retry?["max_delay_ms"]) ?? 30000),
            Organization = Str("organization"),
            ApiVersion = Str("api_version") ?? "2023-06-01",
            MaxContextTokens = (int?)Int("max_context_tokens"),
            ExtraHeaders = (entry?["extra_headers"] as JsonObject)?.Where(kv => kv.Value is not null)
                .ToDictionary(kv => kv.Key, kv => JsonValues.AsString(kv.Value) ?? kv.Value!.ToJsonString()) ?? [],
            ExtraBody = entry?["extra_body"] is JsonObject { Count: > 0 } eb ? (JsonObject)eb.DeepClone() : null,
            RequestsPerMinute = (int?)JsonValues.AsInteger(rate?["requests_per_minute"]),
            TokensPerMinute = (int?)JsonValues.AsInteger(rate?["tokens_per_minute"]),
            Responses = entry?["responses"] is JsonArray r ? [.. r.Select(x => JsonValues.AsString(x) ?? "")] : [],
            MaxCostUsd = JsonValues.AsDouble(entry?["max_cost_usd"]),
            Prices = entry?["prices"] is JsonObject p ? (JsonObject)p.DeepClone() : null,
            CacheEnabled = JsonValues.AsBool(cache?["enabled"]) ?? _config.GetBool("runtime.response_cache.enabled"),
            CacheTtl = TimeSpan.FromSeconds(JsonValues.AsInteger(cache?["ttl_seconds"]) ?? _config.GetInt("runtime.response_cache.ttl_seconds", 3600)),
            CacheMaxEntries = (int)(JsonValues.AsInteger(cache?["max_entries"]) ?? _config.GetInt("runtime.response_cache.max_entries", 1000)),
            Fallback = entry?["fallback"] is JsonArray f ? [.. f.Select(x => JsonValues.AsString(x) ?? "").Where(x => x.Length > 0)] : [],
            BreakerThreshold = (int)(JsonValues.AsInteger(breaker?["failure_threshold"]) ?? 5),
            BreakDuration = TimeSpan.FromSeconds(JsonValues.AsInteger(breaker?["break_seconds"]) ?? 30),
        };
    }

    /// <summary>
    /// Splits a model string (behaviours.md §1.3). <paramref name="explicitProvider"/> is the
    /// builder's :provider() value. Returns the provider name and the model (null = provider default).
    /// </summary>
    public ModelRef ResolveModel(string? explicitProvider, string? model)
    {
        if (explicitProvider is not null)
        {
            if (model is not null && model.StartsWith(explicitProvider + "/", StringComparison.Ordinal))
            {
                model = model[(explicitProvider.Length + 1)..];
            }

            return new ModelRef(explicitProvider, model);
        }

        if (string.IsNullOrEmpty(model))
        {
            return new ModelRef(DefaultProvider, null);
        }

        var slash = model.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && IsKnown(model[..slash]))
        {
            return new ModelRef(model[..slash], model[(slash + 1)..]);
        }

        string[] openAi = ["gpt-", "chatgpt-", "o1", "o3", "o4"];
        if (model.StartsWith("claude", StringComparison.OrdinalIgnoreCase))
        {
            return new ModelRef("anthropic", model);
        }

        return openAi.Any(p => model.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            ? new ModelRef("openai", model)
            : new ModelRef(DefaultProvider, model);
    }

    private JsonObject? Entry(string name) =>
        name is "default_provider" or "providers" ? null : _config.GetSection("providers")?[name] as JsonObject;

    private static ProviderCatalog.Kind? KindOf(string name, JsonObject? entry)
    {
        var type = JsonValues.AsString(entry?["provider_type"]);
        return ProviderCatalog.Find(type is { Length: > 0 } ? type : name);
    }
}
