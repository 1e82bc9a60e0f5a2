namespace LlmSpell.Tools.Utility.Citations;

/// <summary>
/// One bibliography entry in a neutral model (BibTeX and CSL both map onto it).
/// <see cref="Type"/> is one of article, book, inproceedings, incollection, thesis, techreport, webpage.
/// </summary>
internal sealed record CitationEntry
{
    public required string Key { get; init; }

    public required string Type { get; init; }

    public IReadOnlyList<PersonName> Authors { get; init; } = [];

    public IReadOnlyList<PersonName> Editors { get; init; } = [];

    public string? Title { get; init; }

    /// <summary>Journal (articles) or book title (chapters, proceedings).</summary>
    public string? Container { get; init; }

    public string? Year { get; init; }

    public string? Month { get; init; }

    public string? Volume { get; init; }

    public string? Issue { get; init; }

    public string? Pages { get; init; }

    /// <summary>Publisher; for theses the school, for reports the institution.</summary>
    public string? Publisher { get; init; }

    public string? Place { get; init; }

    public string? Edition { get; init; }

    public string? Doi { get; init; }

    public string? Url { get; init; }

    public string? Accessed { get; init; }

    /// <summary>The names to list first: authors, else editors.</summary>
    public IReadOnlyList<PersonName> Creators => Authors.Count > 0 ? Authors : Editors;
}

/// <summary>A person's name split into family and given parts.</summary>
internal sealed record PersonName(string Family, string Given)
{
    /// <summary>Initials of the given names: "Jane Q." → ["J.", "Q."]; "Jean-Paul" → ["J.-P."].</summary>
    public IReadOnlyList<string> Initials =>
        [.. Given.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(part => string.Join("-", part.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + ".")))];
}
