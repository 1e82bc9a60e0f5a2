using LlmSpell.Tools.Utility;
using LlmSpell.Tools.Utility.Calculator;
using LlmSpell.Tools.Utility.Citations;
using LlmSpell.Tools.Utility.DateTime;
using LlmSpell.Tools.Utility.Diff;
using LlmSpell.Tools.Utility.Templates;
using LlmSpell.Tools.Utility.Text;
using LlmSpell.Tools.Utility.Uuid;
using LlmSpell.Tools.Utility.Validation;

namespace LlmSpell.Tools.Infrastructure;

/// <summary>The utility area's contribution to the built-in tools (tools.md §5.1–§5.10).</summary>
internal static partial class BuiltInTools
{
    static partial void AddUtilityTools(List<ITool> tools, ToolServices services)
    {
        tools.Add(new Base64EncoderTool(services));
        tools.Add(new CalculatorTool());
        tools.Add(new CitationFormatterTool(services));
        tools.Add(new DataValidationTool());
        tools.Add(new DateTimeHandlerTool(services));
        tools.Add(new DiffCalculatorTool(services));
        tools.Add(new HashCalculatorTool(services));
        tools.Add(new TemplateEngineTool());
        tools.Add(new TextManipulatorTool());
        tools.Add(new UuidGeneratorTool(services));
    }
}
