namespace LlmSpell.Tools.Files.Jq;

/// <summary>One token; string tokens carry literal parts and interpolation sources alternately.</summary>
internal sealed record JqToken(JqTokenKind Kind, string Text, int Position, IReadOnlyList<(bool IsCode, string Text, int Position)>? Parts = null);
