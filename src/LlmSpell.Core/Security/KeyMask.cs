namespace LlmSpell.Security;

/// <summary>How a key is shown when a hint is useful (behaviours.md §1.4): <c>sk-…a1b2</c>.</summary>
public static class KeyMask
{
    /// <summary>Keys shorter than this are fully masked: showing 7 characters of a short key would reveal most of it.</summary>
    public const int MinPartialLength = 12;

    /// <summary>The first 3 characters, an ellipsis and the last 4; short keys become <c>********</c>.</summary>
    public static string Mask(string key) =>
        key.Length < MinPartialLength ? "********" : string.Concat(key.AsSpan(0, 3), "…", key.AsSpan(key.Length - 4));
}
