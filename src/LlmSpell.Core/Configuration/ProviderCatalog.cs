namespace LlmSpell.Configuration;

/// <summary>Built-in provider types and OpenAI-compatible presets (behaviours.md §1.1–1.2).</summary>
public static class ProviderCatalog
{
    /// <summary>A known provider kind: wire protocol, default endpoint, key variable, default model.</summary>
    public sealed record Kind(string Name, string Protocol, string BaseUrl, string? KeyVariable, string? BaseUrlVariable,
        string? DefaultModel, bool KeyRequired, string? DefaultEmbeddingModel);

    public static readonly IReadOnlyList<Kind> Types =
    [
        new("openai", "openai", "https://api.openai.com/v1", "OPENAI_API_KEY", "OPENAI_BASE_URL", "gpt-4o-mini", true, "text-embedding-3-small"),
        new("anthropic", "anthropic", "https://api.anthropic.com", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "claude-3-5-haiku-latest", true, null),
        new("ollama", "ollama", "http://localhost:11434", null, "OLLAMA_HOST", "llama3.2", false, "nomic-embed-text"),
        new("mock", "mock", "", null, null, null, false, null),
    ];

    public static readonly IReadOnlyList<Kind> Presets =
    [
        new("groq", "openai", "https://api.groq.com/openai/v1", "GROQ_API_KEY", null, null, true, null),
        new("together", "openai", "https://api.together.xyz/v1", "TOGETHER_API_KEY", null, null, true, null),
        new("openrouter", "openai", "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY", null, null, true, null),
        new("mistral", "openai", "https://api.mistral.ai/v1", "MISTRAL_API_KEY", null, null, true, null),
        new("deepseek", "openai", "https://api.deepseek.com/v1", "DEEPSEEK_API_KEY", null, null, true, null),
        new("fireworks", "openai", "https://api.fireworks.ai/inference/v1", "FIREWORKS_API_KEY", null, null, true, null),
        new("perplexity", "openai", "https://api.perplexity.ai", "PERPLEXITY_API_KEY", null, null, true, null),
        new("cohere", "openai", "https://api.cohere.ai/compatibility/v1", "COHERE_API_KEY", null, null, true, null),
    ];

    /// <summary>Finds a type or preset by name (case-insensitive); <c>openai_compatible</c> is an alias of openai.</summary>
    public static Kind? Find(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var n = name.Trim().ToLowerInvariant();
        if (n == "openai_compatible")
        {
            n = "openai";
        }

        return Types.FirstOrDefault(k => k.Name == n) ?? Presets.FirstOrDefault(k => k.Name == n);
    }
}
