namespace LlmSpell.Providers.Configuration;

/// <summary>Context sizes and vision support by model prefix (behaviours.md §1.6).</summary>
public static class ModelCapabilities
{
    private static readonly (string Prefix, int Tokens, bool Vision)[] Table =
    [
        ("gpt-4.1", 1_047_576, true),
        ("gpt-5", 400_000, true),
        ("gpt-4o", 128_000, true),
        ("gpt-4-turbo", 128_000, true),
        ("chatgpt-4o", 128_000, true),
        ("gpt-4", 8_192, false),
        ("gpt-3.5-turbo", 16_385, false),
        ("o1", 200_000, true),
        ("o3", 200_000, true),
        ("o4", 200_000, true),
        ("claude-", 200_000, true),
    ];

    /// <summary>Context window of <paramref name="model"/>; <paramref name="configured"/> (else 8192) for unknown models.</summary>
    public static int MaxContextTokens(string? model, int? configured)
    {
        var hit = Find(model);
        return hit?.Tokens ?? configured ?? 8_192;
    }

    /// <summary>True when the model accepts images.</summary>
    public static bool SupportsVision(string? model)
    {
        if (model is not null && model.StartsWith("claude-2", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return Find(model)?.Vision ?? false;
    }

    /// <summary>
    /// OpenAI reasoning models (o1, o3, o4, gpt-5): they take <c>max_completion_tokens</c> instead of
    /// <c>max_tokens</c> and no temperature (behaviours.md §1.1).
    /// </summary>
    public static bool IsReasoningModel(string? model) =>
        model is not null && (model.StartsWith("o1", StringComparison.Ordinal) || model.StartsWith("o3", StringComparison.Ordinal)
            || model.StartsWith("o4", StringComparison.Ordinal) || model.StartsWith("gpt-5", StringComparison.Ordinal));

    private static (string Prefix, int Tokens, bool Vision)? Find(string? model)
    {
        if (string.IsNullOrEmpty(model))
        {
            return null;
        }

        foreach (var row in Table)
        {
            if (model.StartsWith(row.Prefix, StringComparison.OrdinalIgnoreCase))
            {
                return row;
            }
        }

        return null;
    }
}
