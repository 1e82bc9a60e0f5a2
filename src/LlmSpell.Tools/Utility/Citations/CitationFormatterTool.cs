using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Values;

namespace LlmSpell.Tools.Utility.Citations;

/// <summary>citation_formatter (tools.md §5.10): real formatting of BibTeX, YAML or CSL JSON bibliographies.</summary>
internal sealed class CitationFormatterTool(ToolServices services) : ITool
{
    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "citation_formatter",
        Description = "Formats bibliographies (BibTeX, YAML, CSL JSON) in APA, MLA, Chicago, Harvard, IEEE, Vancouver and Nature styles",
        Category = "utility",
        Parameters =
        [
            new("operation", "string", "format_citation, validate_bibliography, list_styles or parse", Default: "format_citation",
                Enum: ["format_citation", "format_bibliography", "validate_bibliography", "list_styles", "parse"]),
            new("input", "string", "BibTeX, YAML or JSON bibliography"),
            new("format", "string", "Input format", Default: "auto", Enum: ["auto", "bibtex", "yaml", "json"]),
            new("style", "string", "Citation style (default tools.academic.default_citation_style)"),
            new("cite_keys", "any", "Entries to format, in this order (comma-separated string or array)"),
            new("output", "string", "text, markdown or html", Default: "text", Enum: ["text", "markdown", "html"]),
        ],
    };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var op = request.Operation!;
        if (op == "list_styles")
        {
            return Task.FromResult(ListStyles());
        }

        var input = request.String("input") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'input'");
        var entries = EntryReader.Read(input, EntryReader.DetectFormat(input, request.String("format")!));
        return Task.FromResult(op switch
        {
            "validate_bibliography" => Validate(entries),
            "parse" => Envelope.Success("parse", $"Parsed {entries.Count} entries", new JsonObject { ["entries"] = new JsonArray([.. entries.Select(e => (JsonNode)BibliographyChecks.ToCsl(e))]) }),
            _ => Format(request, entries, op),
        });
    }

    private ComponentOutput Format(ToolRequest request, List<CitationEntry> entries, string op)
    {
        var styleName = request.String("style") ?? services.Config.GetString("tools.academic.default_citation_style") ?? "apa";
        var style = CitationStyle.Find(styleName)
            ?? throw ToolFailureException.InvalidParameters($"parameter 'style': unknown style '{styleName}'; valid styles are {string.Join(", ", CitationStyle.All.Select(s => s.Id))}");
        var output = request.String("output")!;
        var warnings = new JsonArray();
        var selected = Select(entries, request["cite_keys"], warnings);
        if (!style.Numeric)
        {
            selected = [.. selected
                .OrderBy(e => e.Creators.Count > 0 ? e.Creators[0].Family : e.Title ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                .ThenBy(e => e.Year ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(e => e.Title ?? string.Empty, StringComparer.OrdinalIgnoreCase)];
        }

        var text = new CitationText(output);
        var citations = new JsonArray();
        var lines = new List<string>();
        for (var i = 0; i < selected.Count; i++)
        {
            var e = selected[i];
            if (BibliographyChecks.MissingFields(e) is { Count: > 0 } missing)
            {
                warnings.Add((JsonNode?)$"entry '{e.Key}' is missing fields: {string.Join(", ", missing)}");
            }

            var (citation, inText) = StyleFormatter.Format(e, style, i + 1, text);
            lines.Add(citation);
            citations.Add((JsonNode)new JsonObject { ["key"] = e.Key, ["citation"] = citation, ["in_text"] = inText });
        }

        return Envelope.Success(op, $"Formatted {selected.Count} citations in {style.Name} style", new JsonObject
        {
            ["style"] = style.Id,
            ["format"] = output,
            ["citations"] = citations,
            ["reference_list"] = string.Join("\n", lines),
            ["entry_count"] = selected.Count,
            ["warnings"] = warnings,
        });
    }

    private static List<CitationEntry> Select(List<CitationEntry> entries, JsonNode? citeKeys, JsonArray warnings)
    {
        var keys = citeKeys switch
        {
            null => null,
            JsonArray a => a.Select(k => JsonValues.AsString(k) ?? string.Empty).ToList(),
            _ => (JsonValues.AsString(citeKeys) ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
        };
        if (keys is null)
        {
            return entries;
        }

        var selected = new List<CitationEntry>();
        foreach (var key in keys)
        {
            if (entries.FirstOrDefault(e => e.Key == key) is { } found)
            {
                selected.Add(found);
            }
            else
            {
                warnings.Add((JsonNode?)$"cite key '{key}' not found");
            }
        }

        return selected;
    }

    private static ComponentOutput Validate(List<CitationEntry> entries)
    {
        var list = new JsonArray();
        var errors = new JsonArray();
        foreach (var e in entries)
        {
            var missing = BibliographyChecks.MissingFields(e);
            if (missing.Count > 0)
            {
                errors.Add((JsonNode?)$"entry '{e.Key}' ({e.Type}) is missing required fields: {string.Join(", ", missing)}");
            }

            list.Add((JsonNode)new JsonObject
            {
                ["key"] = e.Key,
                ["type"] = e.Type,
                ["missing_fields"] = new JsonArray([.. missing.Select(m => (JsonNode)JsonValue.Create(m))]),
                ["warnings"] = new JsonArray([.. BibliographyChecks.Warnings(e).Select(w => (JsonNode)JsonValue.Create(w))]),
            });
        }

        var valid = errors.Count == 0;
        return Envelope.Success("validate_bibliography", valid ? "Bibliography is valid" : "Bibliography has problems", new JsonObject
        {
            ["is_valid"] = valid,
            ["entry_count"] = entries.Count,
            ["entries"] = list,
            ["errors"] = errors,
        });
    }

    private static ComponentOutput ListStyles() =>
        Envelope.Success("list_styles", $"{CitationStyle.All.Count} citation styles available", new JsonObject
        {
            ["styles"] = new JsonArray([.. CitationStyle.All.Select(s => (JsonNode)new JsonObject { ["id"] = s.Id, ["name"] = s.Name, ["in_text_style"] = s.InTextStyle })]),
        });
}
