namespace LlmSpell.Tools.Utility.Citations;

/// <summary>A supported citation style (tools.md §5.10).</summary>
internal sealed record CitationStyle(string Id, string Name, string InTextStyle, bool Numeric)
{
    public static readonly IReadOnlyList<CitationStyle> All =
    [
        new("apa", "APA 7th edition", "author-date", false),
        new("mla", "MLA 9th edition", "author-date", false),
        new("chicago-author-date", "Chicago Manual of Style 17th edition (author-date)", "author-date", false),
        new("chicago-notes", "Chicago Manual of Style 17th edition (notes and bibliography)", "note", false),
        new("harvard", "Harvard (Cite Them Right)", "author-date", false),
        new("ieee", "IEEE", "numeric", true),
        new("vancouver", "Vancouver", "numeric", true),
        new("nature", "Nature", "numeric", true),
    ];

    /// <summary>The style for an id or alias, or null.</summary>
    public static CitationStyle? Find(string id)
    {
        var key = id.Trim().ToLowerInvariant() switch
        {
            "chicago" or "chicago-fullnote-bibliography" or "chicago-notes-bibliography" => "chicago-notes",
            "apa7" => "apa",
            var other => other,
        };
        return All.FirstOrDefault(s => s.Id == key);
    }
}
