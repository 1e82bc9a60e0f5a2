using System.Text.Json.Nodes;
using LlmSpell.Components;

namespace LlmSpell.Tools;

/// <summary>
/// Registers tools implemented by C# services (an agent wrapped as a tool, behaviours.md §3.3) in
/// the run's tool registry, so they are listed, invoked through the full pipeline (validation,
/// time limit, hooks, audit) and offered to agents exactly like built-ins and Lua tools.
/// </summary>
/// <remarks>
/// Kept apart from <see cref="IToolInvoker"/> on purpose: most consumers (agents' tool calling,
/// workflow steps) only invoke tools and should not be able to change the registry, and fakes of
/// the invoker stay small.
/// </remarks>
public interface IToolRegistrar
{
    /// <summary>
    /// Adds a tool; false when its name (or an alias) is already taken. <paramref name="run"/> receives
    /// the validated parameters, the caller and a token cancelled at the tool's time limit; it may run
    /// on any thread and should throw <see cref="Scripting.ScriptException"/> with a user-facing message
    /// to fail the invocation (reported as <c>Tool '&lt;name&gt;' failed: &lt;message&gt;</c>).
    /// </summary>
    bool TryRegister(ToolDescriptor descriptor, Func<JsonObject, ToolCaller, CancellationToken, Task<ComponentOutput>> run);

    /// <summary>Removes a tool added at run time (built-ins cannot be removed); false when there is none by that name.</summary>
    bool Unregister(string name);
}
