using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Files.Csv;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Files;

/// <summary>csv_analyzer (tools.md §5.11), parsing with CsvHelper.</summary>
internal sealed class CsvAnalyzerTool(ToolServices services) : ITool
{
    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "csv_analyzer",
        Description = "Analyze, convert, filter, transform, validate and sample CSV data",
        Category = "data",
        Parameters =
        [
            new("operation", "string", "analyze, convert, filter, transform, validate or sample", Default: "analyze", Enum: ["analyze", "convert", "filter", "transform", "validate", "sample"]),
            new("input", "string", "CSV content (one of input/path)", Aliases: ["content"]),
            new("path", "string", "Read CSV from a file (sandboxed)"),
            new("options", "object", "delimiter, has_headers, encoding, format, target_delimiter, filter, rename_columns, drop_columns, add_columns, rules, size, random, seed", Default: new JsonObject()),
        ],
    };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var operation = request.Operation ?? "analyze";
        if (operation is not ("analyze" or "convert" or "filter" or "transform" or "validate" or "sample"))
        {
            throw ToolFailureException.InvalidParameters($"parameter 'operation': expected one of analyze, convert, filter, transform, validate, sample, got '{operation}'");
        }

        var options = request.Object("options") ?? [];
        var table = Load(request, options);
        var result = operation switch
        {
            "analyze" => CsvStatistics.Analyze(table),
            "convert" => CsvConverter.Convert(table, options),
            "filter" => CsvRowOperations.Filter(table, options),
            "transform" => CsvRowOperations.Transform(table, options),
            "validate" => CsvRowOperations.Validate(table, options),
            _ => CsvRowOperations.Sample(table, options),
        };
        var message = operation switch
        {
            "analyze" => $"Analyzed {table.Rows.Count} rows and {table.Headers.Count} columns",
            "validate" => result["valid"]!.GetValue<bool>() ? $"All {table.Rows.Count} rows are valid" : $"Found {result["error_count"]} validation errors",
            "convert" => $"Converted {table.Rows.Count} rows to {result["format"]}",
            _ => $"{char.ToUpperInvariant(operation[0])}{operation[1..]} produced {result["row_count"]} rows",
        };
        return Task.FromResult(Envelope.Success(operation, message, result));
    }

    private CsvTable Load(ToolRequest request, JsonObject options)
    {
        var max = services.Config.GetInt("tools.data.max_csv_size", 100_000_000);
        var encoding = options["encoding"]?.GetValue<string>();
        if (request.String("path") is { } path)
        {
            var full = services.AdmitPath(path);
            if (!File.Exists(full))
            {
                throw ToolFailureException.Failed($"file not found: {path}", "not_found");
            }

            services.CheckFileSize(full, max);
            var (text, detected) = CsvTable.Decode(File.ReadAllBytes(full), encoding);
            return CsvTable.Parse(text, options, detected);
        }

        var input = request.String("input") ?? request.String("content") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'input' (or 'path')");
        var size = Encoding.UTF8.GetByteCount(input);
        if (size > max)
        {
            throw ToolFailureException.Failed($"CSV input is {size} bytes, exceeding the limit of {max}");
        }

        return CsvTable.Parse(input, options, encoding ?? "utf-8");
    }
}
