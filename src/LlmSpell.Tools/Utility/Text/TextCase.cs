using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LlmSpell.Tools.Utility.Text;

/// <summary>Word splitting and case conversions for text_manipulator.</summary>
internal static partial class TextCase
{
    public static List<string> Words(string s) => [.. WordPattern().Matches(s).Select(m => m.Value)];

    public static string Snake(string s) => string.Join('_', Words(s).Select(w => w.ToLowerInvariant()));

    public static string Kebab(string s) => string.Join('-', Words(s).Select(w => w.ToLowerInvariant()));

    public static string Pascal(string s) => string.Concat(Words(s).Select(Capitalize));

    public static string Camel(string s)
    {
        var words = Words(s);
        return words.Count == 0 ? string.Empty : words[0].ToLowerInvariant() + string.Concat(words.Skip(1).Select(Capitalize));
    }

    /// <summary>Capitalises each whitespace-separated word, lower-casing the rest.</summary>
    public static string Title(string s) =>
        TitleWordPattern().Replace(s, m => Capitalize(m.Value));

    public static string Capitalize(string w) =>
        w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant();

    public static string Slugify(string s)
    {
        var decomposed = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return NonSlugPattern().Replace(sb.ToString(), "-").Trim('-');
    }

    [GeneratedRegex(@"\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{Nd}+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\S+")]
    private static partial Regex TitleWordPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlugPattern();
}
