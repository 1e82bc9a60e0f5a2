namespace LlmSpell.Tools.Utility.Citations;

/// <summary>
/// Renders entries in each style following the templates of tools.md §5.10. Entries with a
/// container (journal, proceedings, book title) use the article form, the others the book form;
/// missing fields are left out together with their punctuation.
/// </summary>
internal static class StyleFormatter
{
    public static (string Citation, string InText) Format(CitationEntry e, CitationStyle style, int number, CitationText t)
    {
        var article = e.Container is not null;
        return style.Id switch
        {
            "apa" => (article ? ApaArticle(e, t) : ApaBook(e, t), $"({Join(", ", NameLists.InText(e.Creators, "&"), e.Year ?? "n.d.")})"),
            "mla" => (article ? MlaArticle(e, t) : MlaBook(e, t), $"({(e.Creators.Count > 0 ? NameLists.InText(e.Creators, "and") : e.Title)})"),
            "chicago-author-date" => (article ? ChicagoAdArticle(e, t) : ChicagoAdBook(e, t), $"({Join(" ", NameLists.InText(e.Creators, "and"), e.Year ?? "n.d.")})"),
            "chicago-notes" => (article ? ChicagoNbArticle(e, t) : ChicagoNbBook(e, t), article ? ChicagoNoteArticle(e, t) : ChicagoNoteBook(e, t)),
            "harvard" => (article ? HarvardArticle(e, t) : HarvardBook(e, t), $"({Join(", ", NameLists.InText(e.Creators, "and"), e.Year ?? "n.d.")})"),
            "ieee" => ($"[{number}] " + (article ? IeeeArticle(e, t) : IeeeBook(e, t)), $"[{number}]"),
            "vancouver" => ($"{number}. " + (article ? VancouverArticle(e, t) : VancouverBook(e, t)), $"({number})"),
            _ => ($"{number}. " + (article ? NatureArticle(e, t) : NatureBook(e, t)), t.Sup(number.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        };
    }

    private static string ApaArticle(CitationEntry e, CitationText t)
    {
        var source = t.I(e.Container) + (e.Volume is null ? string.Empty : ", " + t.I(e.Volume) + (e.Issue is null ? string.Empty : $"({e.Issue})"))
            + (e.Pages is null ? string.Empty : ", " + e.Pages);
        return Join(" ", ApaHead(e, t), CitationText.Dot(t.T(e.Title)), CitationText.Dot(source), ApaLink(e));
    }

    private static string ApaBook(CitationEntry e, CitationText t)
    {
        var title = t.I(e.Title) + (e.Edition is null ? string.Empty : $" ({CitationText.Ordinal(e.Edition)} ed.)");
        return Join(" ", ApaHead(e, t), CitationText.Dot(title), e.Publisher is null ? null : CitationText.Dot(t.T(e.Publisher)), ApaLink(e));
    }

    private static string ApaHead(CitationEntry e, CitationText t) =>
        Join(" ", t.T(NameLists.Apa(e.Creators)), $"({e.Year ?? "n.d."}).");

    private static string? ApaLink(CitationEntry e) => e.Doi is not null ? "https://doi.org/" + e.Doi : e.Url;

    private static string MlaArticle(CitationEntry e, CitationText t)
    {
        var source = Join(", ", t.I(e.Container), e.Volume is null ? null : "vol. " + e.Volume, e.Issue is null ? null : "no. " + e.Issue, e.Year,
            e.Pages is null ? null : $"{CitationText.PagePrefix(e.Pages)} {e.Pages}");
        return Join(" ", CitationText.Dot(t.T(NameLists.Mla(e.Creators))), e.Title is null ? null : $"\"{CitationText.Dot(t.T(e.Title))}\"", CitationText.Dot(source), Link(e, "."));
    }

    private static string MlaBook(CitationEntry e, CitationText t)
    {
        var rest = Join(", ", e.Edition is null ? null : $"{CitationText.Ordinal(e.Edition)} ed.", t.T(e.Publisher), e.Year);
        return Join(" ", CitationText.Dot(t.T(NameLists.Mla(e.Creators))), CitationText.Dot(t.I(e.Title)), CitationText.Dot(rest), Link(e, "."));
    }

    private static string ChicagoAdArticle(CitationEntry e, CitationText t) =>
        Join(" ", CitationText.Dot(t.T(NameLists.Chicago(e.Creators))), e.Year is null ? null : e.Year + ".", e.Title is null ? null : $"\"{CitationText.Dot(t.T(e.Title))}\"",
            CitationText.Dot(Join(" ", t.I(e.Container), e.Volume, e.Issue is null ? null : $"({e.Issue})") + (e.Pages is null ? string.Empty : ": " + e.Pages)), Link(e, "."));

    private static string ChicagoAdBook(CitationEntry e, CitationText t) =>
        Join(" ", CitationText.Dot(t.T(NameLists.Chicago(e.Creators))), e.Year is null ? null : e.Year + ".", CitationText.Dot(t.I(e.Title)),
            e.Edition is null ? null : $"{CitationText.Ordinal(e.Edition)} ed.", CitationText.Dot(Join(": ", t.T(e.Place), t.T(e.Publisher))), Link(e, "."));

    private static string ChicagoNbArticle(CitationEntry e, CitationText t) =>
        Join(" ", CitationText.Dot(t.T(NameLists.Chicago(e.Creators))), e.Title is null ? null : $"\"{CitationText.Dot(t.T(e.Title))}\"",
            CitationText.Dot(ChicagoSource(e, t)), Link(e, "."));

    private static string ChicagoNbBook(CitationEntry e, CitationText t) =>
        Join(" ", CitationText.Dot(t.T(NameLists.Chicago(e.Creators))), CitationText.Dot(t.I(e.Title)),
            e.Edition is null ? null : $"{CitationText.Ordinal(e.Edition)} ed.", CitationText.Dot(Join(", ", Join(": ", t.T(e.Place), t.T(e.Publisher)), e.Year)), Link(e, "."));

    private static string ChicagoNoteArticle(CitationEntry e, CitationText t) =>
        CitationText.Dot(Join(", ", t.T(NameLists.ChicagoNote(e.Creators)), e.Title is null ? null : $"\"{t.T(e.Title)},\"") .Replace(",\",", ",\"", StringComparison.Ordinal)
            + " " + ChicagoSource(e, t)).Trim();

    private static string ChicagoNoteBook(CitationEntry e, CitationText t)
    {
        var facts = Join(", ", Join(": ", t.T(e.Place), t.T(e.Publisher)), e.Year);
        return CitationText.Dot(Join(", ", t.T(NameLists.ChicagoNote(e.Creators)), t.I(e.Title), e.Edition is null ? null : $"{CitationText.Ordinal(e.Edition)} ed.")
            + (facts.Length == 0 ? string.Empty : $" ({facts})"));
    }

    private static string ChicagoSource(CitationEntry e, CitationText t) =>
        Join(" ", t.I(e.Container), e.Volume is null ? null : e.Volume + (e.Issue is null ? string.Empty : ","), e.Issue is null ? null : "no. " + e.Issue, e.Year is null ? null : $"({e.Year})")
        + (e.Pages is null ? string.Empty : ": " + e.Pages);

    private static string HarvardArticle(CitationEntry e, CitationText t)
    {
        var source = Join(", ", e.Title is null ? null : $"'{t.T(e.Title)}'", t.I(e.Container),
            e.Volume is null ? null : e.Volume + (e.Issue is null ? string.Empty : $"({e.Issue})"), e.Pages is null ? null : $"{CitationText.PagePrefix(e.Pages)} {e.Pages}");
        return Join(" ", t.T(NameLists.Harvard(e.Creators)), $"({e.Year ?? "n.d."})", CitationText.Dot(source), e.Doi is not null ? $"doi:{e.Doi}." : e.Url is null ? null : $"Available at: {e.Url}.");
    }

    private static string HarvardBook(CitationEntry e, CitationText t) =>
        Join(" ", t.T(NameLists.Harvard(e.Creators)), $"({e.Year ?? "n.d."})", CitationText.Dot(t.I(e.Title)),
            e.Edition is null ? null : $"{CitationText.Ordinal(e.Edition)} edn.", CitationText.Dot(Join(": ", t.T(e.Place), t.T(e.Publisher))), e.Doi is null ? null : $"doi:{e.Doi}.");

    private static string IeeeArticle(CitationEntry e, CitationText t)
    {
        var rest = Join(", ", t.I(e.Container), e.Volume is null ? null : "vol. " + e.Volume, e.Issue is null ? null : "no. " + e.Issue,
            e.Pages is null ? null : $"{CitationText.PagePrefix(e.Pages)} {e.Pages}", Join(" ", CitationText.IeeeMonth(e.Month), e.Year), e.Doi is null ? null : "doi: " + e.Doi);
        var head = Join(", ", t.T(NameLists.Ieee(e.Creators)), e.Title is null ? null : $"\"{t.T(e.Title)},\"");
        return CitationText.Dot(Join(head.EndsWith(",\"", StringComparison.Ordinal) ? " " : ", ", head, rest));
    }

    private static string IeeeBook(CitationEntry e, CitationText t)
    {
        var head = Join(", ", t.T(NameLists.Ieee(e.Creators)), t.I(e.Title), e.Edition is null ? null : $"{CitationText.Ordinal(e.Edition)} ed");
        return Join(" ", CitationText.Dot(head), CitationText.Dot(Join(", ", Join(": ", t.T(e.Place), t.T(e.Publisher)), e.Year)), e.Doi is null ? null : $"doi: {e.Doi}.");
    }

    private static string VancouverArticle(CitationEntry e, CitationText t)
    {
        var issue = (e.Volume ?? string.Empty) + (e.Issue is null ? string.Empty : $"({e.Issue})");
        var when = (e.Year ?? string.Empty) + (issue.Length > 0 ? ";" + issue : string.Empty) + (e.Pages is null ? string.Empty : ":" + e.Pages.Replace('–', '-'));
        return Join(" ", CitationText.Dot(t.T(NameLists.VancouverList(e.Creators))), CitationText.Dot(t.T(e.Title)), CitationText.Dot(t.T(e.Container)),
            when.Length == 0 ? null : CitationText.Dot(when), e.Doi is null ? null : "doi:" + e.Doi);
    }

    private static string VancouverBook(CitationEntry e, CitationText t) =>
        Join(" ", CitationText.Dot(t.T(NameLists.VancouverList(e.Creators))), CitationText.Dot(t.T(e.Title)), e.Edition is null ? null : $"{CitationText.Ordinal(e.Edition)} ed.",
            CitationText.Dot(Join("; ", Join(": ", t.T(e.Place), t.T(e.Publisher)), e.Year)));

    private static string NatureArticle(CitationEntry e, CitationText t) =>
        Join(" ", t.T(NameLists.Nature(e.Creators)), CitationText.Dot(t.T(e.Title)),
            Join(", ", Join(" ", t.I(e.Container), t.B(e.Volume)), e.Pages) + (e.Year is null ? "." : $" ({e.Year})."));

    private static string NatureBook(CitationEntry e, CitationText t)
    {
        var facts = Join(", ", t.T(e.Publisher), e.Year);
        return Join(" ", t.T(NameLists.Nature(e.Creators)), t.I(e.Title) + (facts.Length == 0 ? "." : $" ({facts})."));
    }

    private static string? Link(CitationEntry e, string end) =>
        e.Doi is not null ? $"https://doi.org/{e.Doi}{end}" : e.Url is not null ? e.Url + end : null;

    private static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
