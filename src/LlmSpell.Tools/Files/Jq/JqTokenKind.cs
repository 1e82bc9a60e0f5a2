namespace LlmSpell.Tools.Files.Jq;

internal enum JqTokenKind
{
    End,
    Identifier,
    Field,
    Variable,
    Number,
    String,
    Punct,
    Format,
}
