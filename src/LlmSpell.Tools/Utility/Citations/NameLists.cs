namespace LlmSpell.Tools.Utility.Citations;

/// <summary>Author-list rules of each style (separators, "et al." thresholds, name forms).</summary>
internal static class NameLists
{
    public static string Display(PersonName n) => n.Given.Length == 0 ? n.Family : $"{n.Given} {n.Family}";

    public static string Inverted(PersonName n) => n.Given.Length == 0 ? n.Family : $"{n.Family}, {n.Given}";

    /// <summary>"Smith, J. Q." (APA, Nature), or "Smith, J.Q." with <paramref name="compact"/> (Harvard).</summary>
    public static string FamilyInitials(PersonName n, bool compact = false) =>
        n.Initials.Count == 0 ? n.Family : $"{n.Family}, {string.Join(compact ? string.Empty : " ", n.Initials)}";

    /// <summary>"J. Q. Smith" (IEEE).</summary>
    public static string InitialsFamily(PersonName n) => n.Initials.Count == 0 ? n.Family : $"{string.Join(' ', n.Initials)} {n.Family}";

    /// <summary>"Smith JQ" (Vancouver).</summary>
    public static string Vancouver(PersonName n) => n.Initials.Count == 0 ? n.Family : $"{n.Family} {string.Concat(n.Initials.Select(i => i.Replace(".", string.Empty, StringComparison.Ordinal)))}";

    public static string Apa(IReadOnlyList<PersonName> names)
    {
        var f = names.Select(n => FamilyInitials(n)).ToList();
        return f.Count switch
        {
            0 => string.Empty,
            1 => f[0],
            2 => $"{f[0]}, & {f[1]}",
            <= 20 => $"{string.Join(", ", f.Take(f.Count - 1))}, & {f[^1]}",
            _ => $"{string.Join(", ", f.Take(19))}, . . . {f[^1]}",
        };
    }

    public static string Mla(IReadOnlyList<PersonName> names) => names.Count switch
    {
        0 => string.Empty,
        1 => Inverted(names[0]),
        2 => $"{Inverted(names[0])}, and {Display(names[1])}",
        _ => $"{Inverted(names[0])}, et al.",
    };

    public static string Chicago(IReadOnlyList<PersonName> names) => names.Count switch
    {
        0 => string.Empty,
        1 => Inverted(names[0]),
        2 => $"{Inverted(names[0])}, and {Display(names[1])}",
        _ => $"{Inverted(names[0])}, {string.Join(", ", names.Skip(1).Take(names.Count - 2).Select(Display))}, and {Display(names[^1])}",
    };

    public static string ChicagoNote(IReadOnlyList<PersonName> names) => names.Count switch
    {
        0 => string.Empty,
        1 => Display(names[0]),
        2 => $"{Display(names[0])} and {Display(names[1])}",
        3 => $"{Display(names[0])}, {Display(names[1])}, and {Display(names[2])}",
        _ => $"{Display(names[0])} et al.",
    };

    public static string Harvard(IReadOnlyList<PersonName> names)
    {
        var f = names.Select(n => FamilyInitials(n, compact: true)).ToList();
        return f.Count switch
        {
            0 => string.Empty,
            1 => f[0],
            _ => $"{string.Join(", ", f.Take(f.Count - 1))} and {f[^1]}",
        };
    }

    public static string Ieee(IReadOnlyList<PersonName> names)
    {
        var f = names.Select(InitialsFamily).ToList();
        return f.Count switch
        {
            0 => string.Empty,
            1 => f[0],
            2 => $"{f[0]} and {f[1]}",
            > 6 => $"{f[0]} et al.",
            _ => $"{string.Join(", ", f.Take(f.Count - 1))}, and {f[^1]}",
        };
    }

    public static string VancouverList(IReadOnlyList<PersonName> names)
    {
        var f = names.Select(Vancouver).ToList();
        return f.Count > 6 ? $"{string.Join(", ", f.Take(6))}, et al" : string.Join(", ", f);
    }

    public static string Nature(IReadOnlyList<PersonName> names)
    {
        var f = names.Select(n => FamilyInitials(n)).ToList();
        return f.Count switch
        {
            0 => string.Empty,
            1 => f[0],
            > 5 => $"{f[0]} et al.",
            _ => $"{string.Join(", ", f.Take(f.Count - 1))} & {f[^1]}",
        };
    }

    /// <summary>Family names for in-text citations: "A", "A{and}B", "A et al.".</summary>
    public static string InText(IReadOnlyList<PersonName> names, string and) => names.Count switch
    {
        0 => string.Empty,
        1 => names[0].Family,
        2 => $"{names[0].Family} {and} {names[1].Family}",
        _ => $"{names[0].Family} et al.",
    };
}
