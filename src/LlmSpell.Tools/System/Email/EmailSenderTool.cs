using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Sys.Email;

internal sealed class EmailSenderTool(ToolServices services) : ITool
{
    public ToolDescriptor Descriptor { get; } = new() { Name = "EmailSenderTool", Description = "", Category = "media" };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken) => throw new NotSupportedException(services.ToString());
}
