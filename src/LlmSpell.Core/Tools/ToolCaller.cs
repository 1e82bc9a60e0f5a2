namespace LlmSpell.Tools;

/// <summary>Who invoked a tool (behaviours.md §3.1): script, workflow (with step) or agent.</summary>
public sealed record ToolCaller(string Kind, string? Workflow = null, string? ExecutionId = null, string? Step = null, string? Agent = null)
{
    public static readonly ToolCaller Script = new("script");

    public static ToolCaller ForAgent(string agent) => new("agent", Agent: agent);

    public static ToolCaller ForWorkflow(string workflow, string executionId, string step) => new("workflow", workflow, executionId, step);
}
