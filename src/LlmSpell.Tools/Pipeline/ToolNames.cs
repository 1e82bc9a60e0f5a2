namespace LlmSpell.Tools.Pipeline;

/// <summary>Name normalisation of tools.md §1.1: lower-case, <c>-</c> becomes <c>_</c>.</summary>
internal static class ToolNames
{
    public static string Normalize(string name) => name.Trim().ToLowerInvariant().Replace('-', '_');
}
