using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Sys.Media;

internal sealed class ImageProcessorTool(ToolServices services) : ITool
{
    public ToolDescriptor Descriptor { get; } = new() { Name = "ImageProcessorTool", Description = "", Category = "media" };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken) => throw new NotSupportedException(services.ToString());
}
