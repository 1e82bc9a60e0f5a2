using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Pipeline;

/// <summary>
/// A tool implemented by a C# service and registered at run time through <see cref="IToolRegistrar"/>
/// (an agent wrapped as a tool). The pipeline treats it like any other tool.
/// </summary>
internal sealed class ServiceTool(ToolDescriptor descriptor, Func<JsonObject, ToolCaller, CancellationToken, Task<ComponentOutput>> run) : ITool
{
    public ToolDescriptor Descriptor { get; } = descriptor;

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken) =>
        run(request.Parameters, request.Caller, cancellationToken);
}
