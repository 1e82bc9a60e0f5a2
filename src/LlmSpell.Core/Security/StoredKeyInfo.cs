namespace LlmSpell.Security;

/// <summary>A key store entry as it may be shown: the key only masked.</summary>
/// <param name="Service">Service name ("openai").</param>
/// <param name="MaskedKey">The masked key (<see cref="KeyMask"/>).</param>
/// <param name="CreatedAt">When the key was added.</param>
/// <param name="ExpiresAt">When it stops being used, or null for never.</param>
/// <param name="LastUsedAt">When an agent last used it, or null.</param>
/// <param name="RotationCount">How many times it was rotated.</param>
/// <param name="RotatedAt">When it was last rotated, or null.</param>
/// <param name="Expired">True when <paramref name="ExpiresAt"/> has passed (the key is then treated as absent).</param>
public sealed record StoredKeyInfo(
    string Service,
    string MaskedKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    long RotationCount,
    DateTimeOffset? RotatedAt,
    bool Expired);
