using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Utility.Validation;

/// <summary>data_validation (tools.md §5.3). Invalid data is a negative result; malformed rules raise.</summary>
internal sealed class DataValidationTool : ITool
{
    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "data_validation",
        Description = "Validates data against rules: types, lengths, ranges, patterns, formats, arrays and objects",
        Category = "utility",
        Parameters =
        [
            new("input", "any", "Data to validate", Required: true),
            new("rules", "any", "{ rules = array<rule> } or array<rule>", Required: true),
            new("fail_fast", "boolean", "Stop at the first error", Default: false),
            new("max_errors", "integer", "Maximum number of errors reported", Default: 100L),
        ],
    };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var rules = DataValidator.RuleList(request["rules"], "parameter 'rules'");
        var validator = new DataValidator(request.Flag("fail_fast"), Math.Max(1, request.Integer("max_errors") ?? 100));
        validator.Apply(request["input"], rules, "$");
        var valid = validator.Errors.Count == 0;
        return Task.FromResult(Envelope.Success("validate", valid ? "Data validation passed" : "Data validation failed",
            new JsonObject { ["valid"] = valid, ["errors"] = validator.Errors }));
    }
}
