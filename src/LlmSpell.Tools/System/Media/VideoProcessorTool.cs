using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Sys.Media;

internal sealed class VideoProcessorTool(ToolServices services, ProcessPolicy policy) : ITool
{
    public ToolDescriptor Descriptor { get; } = new() { Name = "x", Description = "", Category = "media" };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken) => throw new NotSupportedException(services.ToString() + policy);
}
