using System.Text.Json.Nodes;
using LlmSpell.Components;

namespace LlmSpell.Tools;

/// <summary>
/// Invokes tools by name through the full pipeline (resolution, rate limit, validation, sandbox,
/// time limit, events). Agents (tool calling) and workflows (tool steps) use this; the Tool global
/// is its script face.
/// </summary>
public interface IToolInvoker
{
    /// <summary>The descriptor of a tool by canonical name or alias, or null.</summary>
    ToolDescriptor? Find(string name);

    /// <summary>All registered tools (built-in and script-defined), sorted by name.</summary>
    IReadOnlyList<ToolDescriptor> List();

    /// <summary>Runs a tool. Failures the spec says raise are thrown as <see cref="Scripting.ScriptException"/>
    /// with the full message (<c>Tool 'x' failed: …</c>); failure envelopes and results are returned.</summary>
    Task<ComponentOutput> InvokeAsync(string name, JsonObject parameters, ToolCaller caller, TimeSpan? timeout = null, CancellationToken cancellationToken = default);
}
