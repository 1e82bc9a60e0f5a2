using System.Text.Json.Nodes;
using LlmSpell.Providers.Configuration;

namespace LlmSpell.Providers;

/// <summary>The provider tables of globals.md §10, shared by the Provider global and <c>llmspell providers</c>. Never include keys.</summary>
public static class ProviderTables
{
    /// <summary>
    /// Names listed by Provider.list(): configured entries, built-in providers usable from the
    /// environment, and providers used by agents in this run; sorted.
    /// </summary>
    public static IReadOnlyList<string> ListedNames(ProviderResolver resolver, Func<string, string?> environment, IEnumerable<string> used)
    {
        var names = new SortedSet<string>(resolver.ConfiguredNames, StringComparer.Ordinal);
        // The key store is read only when the vendor variable is absent (globals.md §10).
        if (!string.IsNullOrEmpty(environment("OPENAI_API_KEY")) || resolver.HasStoredKey("openai"))
        {
            names.Add("openai");
        }

        if (!string.IsNullOrEmpty(environment("ANTHROPIC_API_KEY")) || resolver.HasStoredKey("anthropic"))
        {
            names.Add("anthropic");
        }

        if (!string.IsNullOrEmpty(environment("OLLAMA_HOST")))
        {
            names.Add("ollama");
        }

        foreach (var u in used)
        {
            names.Add(u);
        }

        return [.. names];
    }

    /// <summary>The provider table for <paramref name="s"/>; <paramref name="usedModels"/> are models agents used.</summary>
    public static JsonObject Table(ProviderSettings s, IEnumerable<string>? usedModels = null)
    {
        var models = new List<string>();
        if (s.DefaultModel is { } d)
        {
            models.Add(d);
        }

        foreach (var m in usedModels ?? [])
        {
            if (!models.Contains(m))
            {
                models.Add(m);
            }
        }

        var t = new JsonObject
        {
            ["name"] = s.Name,
            ["type"] = s.Type,
            ["enabled"] = s.Enabled,
            ["configured"] = s.Configured,
            ["has_api_key"] = !string.IsNullOrEmpty(s.ApiKey),
            ["base_url"] = s.BaseUrl,
        };
        if (s.DefaultModel is not null)
        {
            t["default_model"] = s.DefaultModel;
        }

        var probe = s.DefaultModel ?? models.FirstOrDefault();
        t["capabilities"] = new JsonObject
        {
            ["supports_streaming"] = true,
            ["supports_tools"] = true,
            ["supports_multimodal"] = ModelCapabilities.SupportsVision(probe),
            ["max_context_tokens"] = ModelCapabilities.MaxContextTokens(probe, s.MaxContextTokens),
            ["available_models"] = new JsonArray([.. models.Select(m => (JsonNode?)m)]),
        };
        return t;
    }
}
