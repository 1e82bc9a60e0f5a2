namespace LlmSpell.Tools.Infrastructure;

/// <summary>Registers the web/API tools (tools.md §5.13, §5.14, §5.29–§5.35).</summary>
internal static partial class BuiltInTools
{
    static partial void AddWebTools(List<ITool> tools, ToolServices services)
    {
    }
}
