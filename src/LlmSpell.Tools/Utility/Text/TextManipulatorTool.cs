using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Values;

namespace LlmSpell.Tools.Utility.Text;

/// <summary>text_manipulator (tools.md §5.8).</summary>
internal sealed class TextManipulatorTool : ITool
{
    private static readonly string[] Operations =
    [
        "uppercase", "lowercase", "reverse", "trim", "replace", "substring", "split", "join", "snake_case",
        "camel_case", "pascal_case", "kebab_case", "title_case", "sanitize", "truncate", "indent", "dedent",
        "normalize_whitespace", "word_wrap", "count", "slugify",
    ];

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "text_manipulator",
        Description = "Transforms text: case conversions, replace, split/join, wrap, truncate, count and more",
        Category = "utility",
        Parameters =
        [
            new("input", "string", "The text", Required: true, Aliases: ["text"]),
            new("operation", "string", "The operation: " + string.Join(", ", Operations), Required: true),
            new("options", "object", "Per-operation options"),
        ],
    };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var op = request.Operation!;
        if (!Operations.Contains(op))
        {
            throw ToolFailureException.InvalidParameters($"parameter 'operation': unknown operation '{request.String("operation")}'; valid operations are {string.Join(", ", Operations)}");
        }

        var input = request.RequireString("input");
        var options = request.Object("options") ?? [];
        JsonNode result = op switch
        {
            "uppercase" => input.ToUpperInvariant(),
            "lowercase" => input.ToLowerInvariant(),
            "reverse" => TextLayout.Reverse(input),
            "trim" => input.Trim(),
            "replace" => Replace(input, options),
            "substring" => TextLayout.Substring(input, JsonValues.AsInteger(options["start"]) ?? throw Missing("start"), JsonValues.AsInteger(options["end"])),
            "split" => Split(input, Option(options, "delimiter") ?? " "),
            "join" => Join(input, Option(options, "delimiter") ?? " "),
            "snake_case" => TextCase.Snake(input),
            "camel_case" => TextCase.Camel(input),
            "pascal_case" => TextCase.Pascal(input),
            "kebab_case" => TextCase.Kebab(input),
            "title_case" => TextCase.Title(input),
            "sanitize" => TextLayout.Sanitize(input),
            "truncate" => TextLayout.Truncate(input, JsonValues.AsInteger(options["max_length"]) ?? 100, Option(options, "suffix") ?? "..."),
            "indent" => TextLayout.Indent(input, JsonValues.AsInteger(options["spaces"]) ?? 4),
            "dedent" => TextLayout.Dedent(input),
            "normalize_whitespace" => TextLayout.NormalizeWhitespace(input),
            "word_wrap" => TextLayout.WordWrap(input, JsonValues.AsInteger(options["width"]) ?? 80),
            "count" => Count(input),
            _ => TextCase.Slugify(input),
        };

        var envelope = new JsonObject { ["result"] = result, ["operation"] = op, ["original_length"] = TextLayout.Length(input) };
        if (JsonValues.AsString(result) is { } text)
        {
            envelope["result_length"] = TextLayout.Length(text);
        }

        return Task.FromResult(Envelope.Success(op, $"Text {op} operation completed", envelope));
    }

    private static string Replace(string input, JsonObject options)
    {
        var from = Option(options, "from") ?? throw Missing("from");
        var to = Option(options, "to") ?? string.Empty;
        if (JsonValues.AsBool(options["regex"]) != true)
        {
            return from.Length == 0 ? input : input.Replace(from, to, StringComparison.Ordinal);
        }

        try
        {
            return Regex.Replace(input, from, to, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw ToolFailureException.InvalidParameters($"option 'from': invalid regular expression: {ex.Message}");
        }
        catch (RegexMatchTimeoutException)
        {
            throw ToolFailureException.Failed("regular expression took longer than 1 s");
        }
    }

    private static JsonArray Split(string input, string delimiter) =>
        [.. (delimiter.Length == 0 ? input.Select(c => c.ToString()) : input.Split(delimiter)).Select(p => (JsonNode)JsonValue.Create(p))];

    private static string Join(string input, string delimiter)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonText.Parse(input);
        }
        catch (JsonParseException ex)
        {
            throw ToolFailureException.Failed($"join expects a JSON array as input: {ex.Message}");
        }

        return parsed is JsonArray array
            ? string.Join(delimiter, array.Select(e => JsonValues.AsString(e) ?? JsonText.Compact(e)))
            : throw ToolFailureException.Failed("join expects a JSON array as input");
    }

    private static JsonObject Count(string input)
    {
        var (words, lines, sentences) = TextLayout.Count(input);
        return new JsonObject
        {
            ["characters"] = TextLayout.Length(input),
            ["bytes"] = Encoding.UTF8.GetByteCount(input),
            ["words"] = words,
            ["lines"] = lines,
            ["sentences"] = sentences,
        };
    }

    private static string? Option(JsonObject options, string name) => options[name] switch
    {
        null => null,
        var v when JsonValues.AsString(v) is { } s => s,
        var v => JsonText.Compact(v),
    };

    private static ToolFailureException Missing(string option) =>
        ToolFailureException.InvalidParameters($"missing required option 'options.{option}'");
}
