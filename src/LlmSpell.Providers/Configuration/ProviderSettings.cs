using System.Text.Json.Nodes;

namespace LlmSpell.Providers.Configuration;

/// <summary>One provider as resolved from its config entry, the environment and the catalogue (behaviours.md §1.1–1.4).</summary>
public sealed record ProviderSettings
{
    /// <summary>Entry or built-in name ("openai", "local_llm").</summary>
    public required string Name { get; init; }

    /// <summary>Type or preset name ("openai", "groq", "mock").</summary>
    public required string Type { get; init; }

    /// <summary>Wire protocol: openai, anthropic, ollama or mock.</summary>
    public required string Protocol { get; init; }

    /// <summary>True when the config has an entry of this name.</summary>
    public bool Configured { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>Base URL without a trailing slash (empty for mock).</summary>
    public required string BaseUrl { get; init; }

    /// <summary>The API key, or null. Never logged or returned by any API.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The key store entry that supplied <see cref="ApiKey"/>, or null when the key came from elsewhere.</summary>
    public string? KeyStoreService { get; init; }

    /// <summary>The variable a user should set to provide the key (api_key_env, else the vendor variable).</summary>
    public string? KeyVariable { get; init; }

    /// <summary>True when a call needs a key (false for ollama, mock and OpenAI-compatible servers named by base_url).</summary>
    public bool KeyRequired { get; init; }

    public string? DefaultModel { get; init; }

    public int? MaxTokens { get; init; }

    public double? Temperature { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    public int MaxRetries { get; init; } = 3;

    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    public string? Organization { get; init; }

    public string ApiVersion { get; init; } = "2023-06-01";

    public int? MaxContextTokens { get; init; }

    public IReadOnlyDictionary<string, string> ExtraHeaders { get; init; } = new Dictionary<string, string>();

    public JsonObject? ExtraBody { get; init; }

    public int? RequestsPerMinute { get; init; }

    public int? TokensPerMinute { get; init; }

    /// <summary>mock only: replies returned in rotation.</summary>
    public IReadOnlyList<string> Responses { get; init; } = [];

    public double? MaxCostUsd { get; init; }

    /// <summary>Price overrides: model → { input, output } in USD per million tokens.</summary>
    public JsonObject? Prices { get; init; }

    public bool CacheEnabled { get; init; }

    public TimeSpan CacheTtl { get; init; } = TimeSpan.FromHours(1);

    public int CacheMaxEntries { get; init; } = 1000;

    /// <summary>Model strings tried in order when this provider is unavailable.</summary>
    public IReadOnlyList<string> Fallback { get; init; } = [];

    public int BreakerThreshold { get; init; } = 5;

    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>True when the provider has credentials or needs none.</summary>
    public bool HasCredentials => !KeyRequired || !string.IsNullOrEmpty(ApiKey);
}
