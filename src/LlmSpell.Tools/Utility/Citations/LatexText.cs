using System.Text;
using System.Text.RegularExpressions;

namespace LlmSpell.Tools.Utility.Citations;

/// <summary>Converts the LaTeX escapes common in BibTeX (accents, <c>\&amp;</c>, dashes) to Unicode and drops protective braces.</summary>
internal static partial class LatexText
{
    private static readonly Dictionary<char, char> Combining = new()
    {
        ['"'] = '\u0308', ['\''] = '\u0301', ['`'] = '\u0300', ['^'] = '\u0302', ['~'] = '\u0303',
        ['='] = '\u0304', ['.'] = '\u0307', ['u'] = '\u0306', ['v'] = '\u030C', ['H'] = '\u030B', ['c'] = '\u0327', ['k'] = '\u0328',
    };

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["ss"] = "ß", ["o"] = "ø", ["O"] = "Ø", ["aa"] = "å", ["AA"] = "Å", ["ae"] = "æ", ["AE"] = "Æ",
        ["oe"] = "œ", ["OE"] = "Œ", ["l"] = "ł", ["L"] = "Ł", ["i"] = "ı",
    };

    public static string ToUnicode(string text)
    {
        var s = Accent().Replace(text, m =>
        {
            var letter = m.Groups["l"].Value == "\\i" ? "i" : m.Groups["l"].Value;
            return (letter + Combining[m.Groups["a"].Value[0]]).Normalize(NormalizationForm.FormC);
        });
        s = Symbol().Replace(s, m => Symbols[m.Groups["s"].Value]);
        s = s.Replace("\\&", "&", StringComparison.Ordinal).Replace("\\%", "%", StringComparison.Ordinal)
            .Replace("\\$", "$", StringComparison.Ordinal).Replace("\\_", "_", StringComparison.Ordinal)
            .Replace("\\#", "#", StringComparison.Ordinal).Replace("---", "—", StringComparison.Ordinal)
            .Replace("--", "–", StringComparison.Ordinal).Replace("~", "\u00A0", StringComparison.Ordinal)
            .Replace("``", "“", StringComparison.Ordinal).Replace("''", "”", StringComparison.Ordinal);
        s = Command().Replace(s, "${body}");
        return Whitespace().Replace(s.Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal), " ").Trim();
    }

    [GeneratedRegex(@"\{?\\(?<a>[""'`^~=.]|[uvHck](?=[\s{]))\s*\{?(?<l>\\i|[A-Za-z])\}?\}?")]
    private static partial Regex Accent();

    [GeneratedRegex(@"\{?\\(?<s>ss|aa|AA|ae|AE|oe|OE|o|O|l|L)(?![A-Za-z])\s*\}?")]
    private static partial Regex Symbol();

    [GeneratedRegex(@"\\(?:textit|textbf|emph|textsc|textrm|mathrm)\{(?<body>[^{}]*)\}")]
    private static partial Regex Command();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
