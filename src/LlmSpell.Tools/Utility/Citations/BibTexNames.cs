namespace LlmSpell.Tools.Utility.Citations;

/// <summary>BibTeX name lists: <c>Last, First and First von Last and {Corporate Name}</c>.</summary>
internal static class BibTexNames
{
    public static List<PersonName> Parse(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return [];
        }

        return [.. SplitTopLevel(field, " and ").Where(n => n.Trim().Length > 0).Select(ParseOne)];
    }

    private static PersonName ParseOne(string raw)
    {
        var name = raw.Trim();
        if (name.StartsWith('{') && name.EndsWith('}') && SplitTopLevel(name[1..^1], ",").Count >= 1 && IsSingleGroup(name))
        {
            return new PersonName(LatexText.ToUnicode(name), string.Empty);
        }

        var parts = SplitTopLevel(name, ",");
        if (parts.Count >= 2)
        {
            return new PersonName(LatexText.ToUnicode(parts[0]), LatexText.ToUnicode(parts[^1]));
        }

        var tokens = SplitTopLevel(name, " ").Where(t => t.Length > 0).ToList();
        if (tokens.Count == 1)
        {
            return new PersonName(LatexText.ToUnicode(tokens[0]), string.Empty);
        }

        // "von" particles (lower-case words before the last name) belong to the family name.
        var familyStart = tokens.Count - 1;
        while (familyStart > 1 && char.IsLower(tokens[familyStart - 1].TrimStart('{')[0]))
        {
            familyStart--;
        }

        return new PersonName(LatexText.ToUnicode(string.Join(' ', tokens.Skip(familyStart))), LatexText.ToUnicode(string.Join(' ', tokens.Take(familyStart))));
    }

    private static bool IsSingleGroup(string s)
    {
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            depth += s[i] == '{' ? 1 : s[i] == '}' ? -1 : 0;
            if (depth == 0 && i < s.Length - 1)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Splits at <paramref name="separator"/> outside braces (case-insensitive).</summary>
    private static List<string> SplitTopLevel(string s, string separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            depth += s[i] == '{' ? 1 : s[i] == '}' ? -1 : 0;
            if (depth == 0 && string.Compare(s, i, separator, 0, separator.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                parts.Add(s[start..i].Trim());
                start = i + separator.Length;
                i = start - 1;
            }
        }

        parts.Add(s[start..].Trim());
        return parts;
    }
}
