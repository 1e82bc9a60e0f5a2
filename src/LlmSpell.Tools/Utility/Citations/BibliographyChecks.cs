using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Utility.Citations;

/// <summary>Required fields per entry type (tools.md §5.10 validate_bibliography), named as in BibTeX.</summary>
internal static class BibliographyChecks
{
    public static List<string> MissingFields(CitationEntry e)
    {
        var missing = new List<string>();
        void Need(bool present, string name)
        {
            if (!present)
            {
                missing.Add(name);
            }
        }

        switch (e.Type)
        {
            case "webpage":
                Need(e.Title is not null, "title");
                Need(e.Url is not null, "url");
                return missing;
            case "book":
                Need(e.Creators.Count > 0, "author|editor");
                break;
            default:
                Need(e.Authors.Count > 0, "author");
                break;
        }

        Need(e.Title is not null, "title");
        switch (e.Type)
        {
            case "article":
                Need(e.Container is not null, "journal");
                break;
            case "book":
                Need(e.Publisher is not null, "publisher");
                break;
            case "inproceedings" or "incollection":
                Need(e.Container is not null, "booktitle");
                break;
            case "thesis":
                Need(e.Publisher is not null, "school");
                break;
            case "techreport":
                Need(e.Publisher is not null, "institution");
                break;
        }

        Need(e.Year is not null, "year");
        return missing;
    }

    public static List<string> Warnings(CitationEntry e)
    {
        var warnings = new List<string>();
        if (e.Year is not null && !int.TryParse(e.Year, out _))
        {
            warnings.Add($"year '{e.Year}' is not a number");
        }

        if (e.Doi is not null && !e.Doi.StartsWith("10.", StringComparison.Ordinal))
        {
            warnings.Add($"DOI '{e.Doi}' does not start with '10.'");
        }

        return warnings;
    }

    /// <summary>The entry as a CSL-style object (the <c>parse</c> operation).</summary>
    public static JsonObject ToCsl(CitationEntry e)
    {
        var o = new JsonObject
        {
            ["id"] = e.Key,
            ["type"] = e.Type switch
            {
                "article" => "article-journal",
                "inproceedings" => "paper-conference",
                "incollection" => "chapter",
                "techreport" => "report",
                var other => other,
            },
        };
        void Set(string key, string? value)
        {
            if (value is not null)
            {
                o[key] = value;
            }
        }

        Set("title", e.Title);
        if (e.Authors.Count > 0)
        {
            o["author"] = Names(e.Authors);
        }

        if (e.Editors.Count > 0)
        {
            o["editor"] = Names(e.Editors);
        }

        if (e.Year is not null)
        {
            o["issued"] = new JsonObject { ["year"] = int.TryParse(e.Year, out var y) ? JsonValue.Create(y) : JsonValue.Create(e.Year) };
        }

        Set("container-title", e.Container);
        Set("volume", e.Volume);
        Set("issue", e.Issue);
        Set("page", e.Pages);
        Set("publisher", e.Publisher);
        Set("publisher-place", e.Place);
        Set("edition", e.Edition);
        Set("DOI", e.Doi);
        Set("URL", e.Url);
        Set("accessed", e.Accessed);
        return o;
    }

    private static JsonArray Names(IEnumerable<PersonName> names) =>
        [.. names.Select(n => (JsonNode)new JsonObject { ["family"] = n.Family, ["given"] = n.Given })];
}
