using LlmSpell.Tools.Files;

namespace LlmSpell.Tools.Infrastructure;

/// <summary>Registers the file and data tools (tools.md §5.11–§5.12, §5.15–§5.21).</summary>
internal static partial class BuiltInTools
{
    static partial void AddFileTools(List<ITool> tools, ToolServices services)
    {
        tools.Add(new FileOperationsTool(services));
        tools.Add(new FileSearchTool(services));
        tools.Add(new FileWatcherTool(services));
        tools.Add(new FileConverterTool(services));
        tools.Add(new ArchiveHandlerTool(services));
        tools.Add(new CsvAnalyzerTool(services));
        tools.Add(new JsonProcessorTool(services));
        tools.Add(new GraphBuilderTool(services));
        tools.Add(new PdfProcessorTool(services));
    }
}
