using LlmSpell.Tools.Sys;
using LlmSpell.Tools.Sys.Data;
using LlmSpell.Tools.Sys.Email;
using LlmSpell.Tools.Sys.Media;

namespace LlmSpell.Tools.Infrastructure;

internal static partial class BuiltInTools
{
    static partial void AddSystemTools(List<ITool> tools, ToolServices services)
    {
        var processes = new ProcessPolicy(services.Config);
        tools.Add(new EnvironmentReaderTool(services));
        tools.Add(new ProcessExecutorTool(services, processes));
        tools.Add(new ServiceCheckerTool(services));
        tools.Add(new SystemMonitorTool(services));
        tools.Add(new AudioProcessorTool(services));
        tools.Add(new ImageProcessorTool(services));
        tools.Add(new VideoProcessorTool(services, processes));
        tools.Add(new DatabaseConnectorTool(services));
        tools.Add(new EmailSenderTool(services));
    }
}
