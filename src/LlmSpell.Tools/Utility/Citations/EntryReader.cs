using System.Globalization;
using System.Text.Json.Nodes;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LlmSpell.Tools.Utility.Citations;

/// <summary>Reads a bibliography (BibTeX, YAML or JSON with CSL names) into <see cref="CitationEntry"/> values.</summary>
internal static class EntryReader
{
    public static string DetectFormat(string input, string format)
    {
        if (format != "auto")
        {
            return format;
        }

        var first = input.TrimStart();
        return first.StartsWith('@') ? "bibtex" : first.StartsWith('{') || first.StartsWith('[') ? "json" : "yaml";
    }

    public static List<CitationEntry> Read(string input, string format) => format switch
    {
        "bibtex" => [.. BibTexParser.Parse(input).Select(FromBibTex)],
        "json" => FromCsl(ParseJson(input)),
        _ => FromCsl(ParseYaml(input)),
    };

    private static CitationEntry FromBibTex((string Type, string Key, Dictionary<string, string> Fields) raw)
    {
        string? F(string name) => raw.Fields.TryGetValue(name, out var v) && v.Trim().Length > 0 ? LatexText.ToUnicode(v) : null;
        var type = raw.Type switch
        {
            "article" => "article",
            "book" or "booklet" => "book",
            "inproceedings" or "conference" => "inproceedings",
            "incollection" or "inbook" => "incollection",
            "phdthesis" or "mastersthesis" or "thesis" => "thesis",
            "techreport" or "report" => "techreport",
            _ => "webpage",
        };
        return new CitationEntry
        {
            Key = raw.Key,
            Type = type,
            Authors = BibTexNames.Parse(raw.Fields.GetValueOrDefault("author")),
            Editors = BibTexNames.Parse(raw.Fields.GetValueOrDefault("editor")),
            Title = F("title"),
            Container = F("journal") ?? F("journaltitle") ?? F("booktitle"),
            Year = F("year") ?? F("date")?.Split('-')[0],
            Month = F("month"),
            Volume = F("volume"),
            Issue = F("number") ?? F("issue"),
            Pages = F("pages"),
            Publisher = F("publisher") ?? F("school") ?? F("institution") ?? F("organization"),
            Place = F("address") ?? F("location"),
            Edition = F("edition"),
            Doi = F("doi"),
            Url = F("url"),
            Accessed = F("urldate"),
        };
    }

    private static List<CitationEntry> FromCsl(JsonNode? root)
    {
        var list = root switch
        {
            JsonArray a => a,
            JsonObject o when o["references"] is JsonArray refs => refs,
            JsonObject o => [o.DeepClone()],
            _ => throw ToolFailureException.Failed("bibliography must be a list of entries (or a 'references' list)", "invalid_parameter"),
        };
        var entries = new List<CitationEntry>();
        var index = 0;
        foreach (var item in list)
        {
            index++;
            if (item is not JsonObject o)
            {
                throw ToolFailureException.Failed($"entry {index} is not an object", "invalid_parameter");
            }

            string? S(string name) => o[name] is { } v ? (JsonValues.AsString(v) ?? JsonText.Compact(v)).Trim() is { Length: > 0 } s ? LatexText.ToUnicode(s) : null : null;
            entries.Add(new CitationEntry
            {
                Key = S("id") ?? $"ref{index.ToString(CultureInfo.InvariantCulture)}",
                Type = (S("type") ?? "article-journal") switch
                {
                    "article-journal" or "article" or "article-magazine" or "article-newspaper" => "article",
                    "book" => "book",
                    "paper-conference" => "inproceedings",
                    "chapter" => "incollection",
                    "thesis" => "thesis",
                    "report" => "techreport",
                    _ => "webpage",
                },
                Authors = Names(o["author"]),
                Editors = Names(o["editor"]),
                Title = S("title"),
                Container = S("container-title"),
                Year = Year(o["issued"]) ?? S("year"),
                Volume = S("volume"),
                Issue = S("issue"),
                Pages = S("page")?.Replace("--", "–", StringComparison.Ordinal),
                Publisher = S("publisher"),
                Place = S("publisher-place"),
                Edition = S("edition"),
                Doi = S("DOI") ?? S("doi"),
                Url = S("URL") ?? S("url"),
                Accessed = Year(o["accessed"]) ?? S("accessed"),
            });
        }

        return entries;
    }

    private static string? Year(JsonNode? issued) => issued switch
    {
        null => null,
        JsonObject o when o["year"] is { } y => JsonValues.AsString(y) ?? JsonText.Compact(y),
        JsonObject o when o["date-parts"] is JsonArray { Count: > 0 } parts && parts[0] is JsonArray { Count: > 0 } first => JsonText.Compact(first[0]),
        JsonValue v => (JsonValues.AsString(v) ?? JsonText.Compact(v)).Split('-')[0],
        _ => null,
    };

    private static List<PersonName> Names(JsonNode? node) => node switch
    {
        JsonArray a => [.. a.Select(Name).OfType<PersonName>()],
        JsonValue v when JsonValues.AsString(v) is { } s => BibTexNames.Parse(s),
        _ => [],
    };

    private static PersonName? Name(JsonNode? node) => node switch
    {
        JsonObject o => new PersonName(JsonValues.AsString(o["family"]) ?? JsonValues.AsString(o["literal"]) ?? string.Empty, JsonValues.AsString(o["given"]) ?? string.Empty),
        JsonValue v when JsonValues.AsString(v) is { } s => BibTexNames.Parse(s).FirstOrDefault(),
        _ => null,
    };

    private static JsonNode? ParseJson(string input)
    {
        try
        {
            return JsonText.Parse(input);
        }
        catch (JsonParseException ex)
        {
            throw ToolFailureException.Failed($"invalid JSON bibliography: {ex.Message}", "invalid_parameter");
        }
    }

    private static JsonNode? ParseYaml(string input)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(input));
            return stream.Documents.Count == 0 ? null : ToNode(stream.Documents[0].RootNode);
        }
        catch (YamlException ex)
        {
            throw ToolFailureException.Failed($"invalid YAML bibliography at line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}", "invalid_parameter");
        }
    }

    // The representation model (no reflection, Native AOT) read the way YamlDotNet's untyped
    // deserializer did: mappings and sequences nest, a plain null/~/empty scalar is null, every other
    // scalar is its text.
    private static JsonNode? ToNode(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(KeyText(kv.Key), ToNode(kv.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToNode)]),
        YamlScalarNode scalar when IsNull(scalar) => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    private static string KeyText(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : key.ToString();

    private static bool IsNull(YamlScalarNode scalar) =>
        (scalar.Tag is { IsEmpty: false, IsNonSpecific: false } tag && tag.Value == "tag:yaml.org,2002:null") ||
        (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL" or null);
}
