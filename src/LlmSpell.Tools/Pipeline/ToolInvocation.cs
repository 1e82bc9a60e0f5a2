using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Pipeline;

/// <summary>
/// One invocation as it travels through the pipeline stages. Interceptors (hooks, events) read
/// and may change <see cref="Parameters"/> before execution and see <see cref="Output"/> or
/// <see cref="Error"/> after it.
/// </summary>
public sealed class ToolInvocation
{
    internal ToolInvocation(ITool tool, JsonObject parameters, ToolCaller caller)
    {
        Tool = tool;
        Parameters = parameters;
        Caller = caller;
    }

    internal ITool Tool { get; }

    /// <summary>The tool being invoked.</summary>
    public ToolDescriptor Descriptor => Tool.Descriptor;

    /// <summary>Parameters (validated once validation has run).</summary>
    public JsonObject Parameters { get; set; }

    public ToolCaller Caller { get; }

    /// <summary>The output, once the tool has run (an interceptor may replace it).</summary>
    public ComponentOutput? Output { get; set; }

    /// <summary>The failure, when the invocation failed.</summary>
    public Exception? Error { get; internal set; }

    /// <summary>Elapsed time of the execution stage.</summary>
    public TimeSpan Elapsed { get; internal set; }
}
