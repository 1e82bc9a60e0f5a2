namespace LlmSpell.Values;

/// <summary>The kinds of scalar values in the neutral model (runtime.md §6).</summary>
public enum ValueKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
    Array,
    Object,
}
