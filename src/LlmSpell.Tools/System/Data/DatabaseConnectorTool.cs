using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Sys.Data;

internal sealed class DatabaseConnectorTool(ToolServices services) : ITool
{
    public ToolDescriptor Descriptor { get; } = new() { Name = "DatabaseConnectorTool", Description = "", Category = "media" };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken) => throw new NotSupportedException(services.ToString());
}
