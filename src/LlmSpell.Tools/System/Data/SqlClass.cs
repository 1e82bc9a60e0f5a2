namespace LlmSpell.Tools.Sys.Data;

/// <summary>The class of a statement (tools.md §5.37 "Rules").</summary>
internal enum SqlClass
{
    Query,
    Write,
    Ddl,
    Other,
}
