using LlmSpell.Configuration;

namespace LlmSpell.State;

/// <summary>Size rules from <c>[runtime.state_persistence]</c>.</summary>
public sealed record StateLimits(long MaxValueBytes, int MaxKeyLength)
{
    public static StateLimits From(LlmSpellConfig config) => new(
        config.GetInt("runtime.state_persistence.max_state_size_bytes", 10_000_000),
        (int)config.GetInt("runtime.state_persistence.max_key_length", 512));
}
