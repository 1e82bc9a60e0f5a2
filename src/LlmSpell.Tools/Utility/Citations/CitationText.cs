using System.Globalization;

namespace LlmSpell.Tools.Utility.Citations;

/// <summary>Markup for the chosen output (text, markdown, html) and small text rules shared by styles.</summary>
internal sealed class CitationText(string output)
{
    private static readonly string[] IeeeMonths = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."];

    public string I(string? s) => string.IsNullOrEmpty(s) ? string.Empty : output switch
    {
        "markdown" => $"*{s}*",
        "html" => $"<i>{Html(s)}</i>",
        _ => s,
    };

    public string B(string? s) => string.IsNullOrEmpty(s) ? string.Empty : output switch
    {
        "markdown" => $"**{s}**",
        "html" => $"<b>{Html(s)}</b>",
        _ => s,
    };

    public string Sup(string s) => output == "text" ? s : $"<sup>{s}</sup>";

    /// <summary>Plain text in the output format (HTML-escaped for html).</summary>
    public string T(string? s) => string.IsNullOrEmpty(s) ? string.Empty : output == "html" ? Html(s) : s;

    /// <summary>Appends a period unless the text already ends with terminal punctuation.</summary>
    public static string Dot(string s) => s.Length == 0 || s[^1] is '.' or '?' or '!' ? s : s + ".";

    /// <summary>"2" → "2nd"; other text is kept.</summary>
    public static string Ordinal(string edition)
    {
        if (!int.TryParse(edition, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return edition;
        }

        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    public static string? IeeeMonth(string? month)
    {
        if (string.IsNullOrWhiteSpace(month))
        {
            return null;
        }

        var m = month.Trim().ToLowerInvariant();
        if (int.TryParse(m, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 12)
        {
            return IeeeMonths[n - 1];
        }

        var index = Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames, name => name.Length > 0 && name.StartsWith(m.Length >= 3 ? m[..3] : m, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? IeeeMonths[index] : month;
    }

    public static string PagePrefix(string pages) => pages.Contains('–', StringComparison.Ordinal) || pages.Contains('-', StringComparison.Ordinal) || pages.Contains(',', StringComparison.Ordinal) ? "pp." : "p.";

    // Only the markup-significant characters: WebUtility.HtmlEncode would also turn "ö" into "&#246;".
    private static string Html(string s) =>
        s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
