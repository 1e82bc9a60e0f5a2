namespace LlmSpell.Scripting;

/// <summary>Type of a script value as seen by an API function.</summary>
public enum ScriptType
{
    Nil,
    Boolean,
    Integer,
    Float,
    String,
    Table,
    Function,
    Object,
    Other,
}
