using LlmSpell.Components;

namespace LlmSpell.Tools.Infrastructure;

/// <summary>
/// A built-in tool. Implementations are <c>internal sealed</c>, take their collaborators from
/// <see cref="ToolServices"/>, check every path and URL through the sandbox before any side effect,
/// and report failures by throwing <see cref="ToolFailureException"/> (raise styles) or returning a failure
/// envelope (the tools tools.md §1.4 lists).
/// </summary>
public interface ITool
{
    ToolDescriptor Descriptor { get; }

    /// <summary>Runs the tool with validated parameters (defaults applied, aliases resolved).</summary>
    Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken);
}
