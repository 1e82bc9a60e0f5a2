using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Values;

namespace LlmSpell.Tools.Utility.Diff;

/// <summary>diff_calculator (tools.md §5.5).</summary>
internal sealed class DiffCalculatorTool(ToolServices services) : ITool
{
    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "diff_calculator",
        Description = "Computes text diffs (unified, context, inline, simple) and structural JSON diffs",
        Category = "utility",
        Parameters =
        [
            new("type", "string", "text or json", Default: "text", Enum: ["text", "json"]),
            new("old_text", "string", "Old text"),
            new("new_text", "string", "New text"),
            new("old_json", "any", "Old JSON value"),
            new("new_json", "any", "New JSON value"),
            new("old_file", "string", "Read the old input from this file (sandboxed)"),
            new("new_file", "string", "Read the new input from this file (sandboxed)"),
            new("format", "string", "Text diff format", Default: "unified", Enum: ["unified", "context", "inline", "simple"]),
            new("context_lines", "integer", "Context lines around changes", Default: 3L),
        ],
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var type = request.String("type")!;
        var oldFile = await ReadFile(request.String("old_file"), cancellationToken).ConfigureAwait(false);
        var newFile = await ReadFile(request.String("new_file"), cancellationToken).ConfigureAwait(false);
        return type == "json" ? Json(request, oldFile, newFile) : Text(request, oldFile, newFile);
    }

    private static ComponentOutput Text(ToolRequest request, string? oldFile, string? newFile)
    {
        var oldText = oldFile ?? request.String("old_text") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'old_text'");
        var newText = newFile ?? request.String("new_text") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'new_text'");
        var format = request.String("format")!;
        var context = (int)Math.Clamp(request.Integer("context_lines") ?? 3, 0, 10_000);
        var oldLines = TextDiff.SplitLines(oldText);
        var newLines = TextDiff.SplitLines(newText);
        var script = TextDiff.Script(oldLines, newLines);
        var added = script.Count(l => l.Kind == '+');
        var removed = script.Count(l => l.Kind == '-');
        return Envelope.Success("text_diff", added + removed == 0 ? "Texts are identical" : $"Found {added} added and {removed} removed lines", new JsonObject
        {
            ["type"] = "text",
            ["format"] = format,
            ["diff"] = added + removed == 0 ? string.Empty : TextDiff.Render(script, format, context),
            ["stats"] = new JsonObject
            {
                ["old_lines"] = oldLines.Length,
                ["new_lines"] = newLines.Length,
                ["added"] = added,
                ["removed"] = removed,
                ["unchanged"] = script.Count(l => l.Kind == ' '),
            },
        });
    }

    private static ComponentOutput Json(ToolRequest request, string? oldFile, string? newFile)
    {
        var oldValue = Value(oldFile, request["old_json"], "old_json");
        var newValue = Value(newFile, request["new_json"], "new_json");
        var diff = JsonDiff.Compare(oldValue, newValue);
        return Envelope.Success("json_diff", "JSON comparison completed", new JsonObject
        {
            ["type"] = "json",
            ["diff"] = new JsonObject
            {
                ["added"] = diff.Added,
                ["removed"] = diff.Removed,
                ["modified"] = diff.Modified,
                ["unchanged"] = diff.Unchanged,
            },
            ["summary"] = new JsonObject
            {
                ["added"] = diff.Added.Count,
                ["removed"] = diff.Removed.Count,
                ["modified"] = diff.Modified.Count,
                ["unchanged"] = diff.Unchanged.Count,
            },
        });
    }

    /// <summary>A JSON input: file text, or the parameter (a string holding JSON text is parsed).</summary>
    private static JsonNode? Value(string? fileText, JsonNode? parameter, string name)
    {
        var asText = JsonValues.AsString(parameter);
        var text = fileText ?? (asText is not null && asText.TrimStart() is ['{' or '[', ..] ? asText : null);
        if (text is null)
        {
            return parameter is null && fileText is null ? throw ToolFailureException.InvalidParameters($"missing required parameter '{name}'") : parameter;
        }

        try
        {
            return JsonText.Parse(text);
        }
        catch (JsonParseException ex)
        {
            throw ToolFailureException.Failed($"{name} is not valid JSON: {ex.Message}");
        }
    }

    private async Task<string?> ReadFile(string? path, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return null;
        }

        var canonical = services.AdmitPath(path);
        if (!File.Exists(canonical))
        {
            throw ToolFailureException.Failed($"file not found: {path}", "not_found");
        }

        services.CheckFileSize(canonical);
        return await File.ReadAllTextAsync(canonical, cancellationToken).ConfigureAwait(false);
    }
}
