namespace LlmSpell.Tools.Files.Jq;

internal enum JqNodeKind
{
    Identity,
    RecurseAll,
    Field,
    Index,
    Slice,
    Iterate,
    Literal,
    Interpolation,
    ArrayConstruct,
    ObjectConstruct,
    Pipe,
    Comma,
    Binary,
    And,
    Or,
    Alternative,
    Negate,
    If,
    Try,
    Reduce,
    Foreach,
    Bind,
    Variable,
    Call,
}
