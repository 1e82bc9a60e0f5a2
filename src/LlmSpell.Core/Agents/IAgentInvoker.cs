using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools;

namespace LlmSpell.Agents;

/// <summary>
/// Runs the run's agents by name for other features (workflow agent steps, hooks redirecting to an
/// agent) without them depending on the providers project. The Agents feature registers it.
/// </summary>
public interface IAgentInvoker
{
    /// <summary>True when an agent of that name is registered (and not destroyed).</summary>
    bool Exists(string name);

    /// <summary>Executes <paramref name="name"/> with an agent input table (globals.md §1.4: <c>text</c>,
    /// <c>instruction</c>, <c>parameters</c>, ...), exactly as <c>agent:execute</c> does (hooks, events,
    /// history, usage). Failures raise <see cref="Scripting.ScriptException"/> with the user-facing message.</summary>
    Task<ComponentOutput> ExecuteAsync(string name, JsonObject input, ToolCaller caller, CancellationToken cancellationToken = default);
}
