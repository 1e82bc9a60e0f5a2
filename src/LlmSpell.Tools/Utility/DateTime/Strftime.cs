using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LlmSpell.Tools.Utility.DateTime;

/// <summary>
/// strftime formatting and parsing. .NET has no strftime, and the spec (tools.md §5.4, §5.3) is
/// written in strftime directives, so they are translated here: formatting directive by directive,
/// parsing by compiling the pattern to a regular expression with named groups.
/// </summary>
internal static class Strftime
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    public static string Format(DateTimeOffset t, string format)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length)
            {
                sb.Append(format[i]);
                continue;
            }

            var c = format[++i];
            sb.Append(c switch
            {
                'Y' => t.Year.ToString("D4", CultureInfo.InvariantCulture),
                'y' => (t.Year % 100).ToString("D2", CultureInfo.InvariantCulture),
                'm' => t.Month.ToString("D2", CultureInfo.InvariantCulture),
                'd' => t.Day.ToString("D2", CultureInfo.InvariantCulture),
                'e' => t.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2),
                'H' => t.Hour.ToString("D2", CultureInfo.InvariantCulture),
                'I' => (((t.Hour + 11) % 12) + 1).ToString("D2", CultureInfo.InvariantCulture),
                'p' => t.Hour < 12 ? "AM" : "PM",
                'M' => t.Minute.ToString("D2", CultureInfo.InvariantCulture),
                'S' => t.Second.ToString("D2", CultureInfo.InvariantCulture),
                'f' => (t.Ticks % TimeSpan.TicksPerSecond * 100).ToString("D9", CultureInfo.InvariantCulture),
                'b' or 'h' => t.ToString("MMM", CultureInfo.InvariantCulture),
                'B' => t.ToString("MMMM", CultureInfo.InvariantCulture),
                'a' => t.ToString("ddd", CultureInfo.InvariantCulture),
                'A' => t.ToString("dddd", CultureInfo.InvariantCulture),
                'j' => t.DayOfYear.ToString("D3", CultureInfo.InvariantCulture),
                'u' => (t.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)t.DayOfWeek).ToString(CultureInfo.InvariantCulture),
                'w' => ((int)t.DayOfWeek).ToString(CultureInfo.InvariantCulture),
                'V' => ISOWeek.GetWeekOfYear(t.DateTime).ToString("D2", CultureInfo.InvariantCulture),
                'z' => Offset(t.Offset, false),
                'Z' => t.Offset == TimeSpan.Zero ? "UTC" : Offset(t.Offset, true),
                's' => t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                'F' => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                'T' => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                'D' => t.ToString("MM/dd/yy", CultureInfo.InvariantCulture),
                'R' => t.ToString("HH:mm", CultureInfo.InvariantCulture),
                'c' => t.ToString("ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture),
                'n' => "\n",
                't' => "\t",
                '%' => "%",
                _ => "%" + c,
            });
        }

        return sb.ToString();
    }

    /// <summary>RFC 3339 with milliseconds; <c>Z</c> for UTC.</summary>
    public static string Rfc3339(DateTimeOffset t) =>
        t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + (t.Offset == TimeSpan.Zero ? "Z" : Offset(t.Offset, true));

    public static string Offset(TimeSpan offset, bool colon)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return $"{sign}{abs.Hours:D2}{(colon ? ":" : string.Empty)}{abs.Minutes:D2}";
    }

    /// <summary>Parses <paramref name="text"/> with a strftime pattern; values without a zone are UTC.</summary>
    public static bool TryParse(string text, string format, out DateTimeOffset value)
    {
        value = default;
        var m = Compile(format).Match(text.Trim());
        if (!m.Success)
        {
            return false;
        }

        int Get(string g, int fallback) => m.Groups[g].Success ? int.Parse(m.Groups[g].Value.Trim(), CultureInfo.InvariantCulture) : fallback;
        var year = m.Groups["Y"].Success ? Get("Y", 1970) : m.Groups["y"].Success ? 2000 + Get("y", 0) - (Get("y", 0) >= 69 ? 100 : 0) : 1970;
        var month = Get("m", 1);
        if (m.Groups["b"].Success || m.Groups["B"].Success)
        {
            // %b takes the three-letter abbreviation, %B the full name.
            var full = !m.Groups["b"].Success;
            var name = (full ? m.Groups["B"] : m.Groups["b"]).Value;
            var idx = Array.FindIndex(MonthNames, n => n.Length > 0 && (full ? n.Equals(name, StringComparison.OrdinalIgnoreCase) : n.StartsWith(name, StringComparison.OrdinalIgnoreCase)));
            if (idx < 0)
            {
                return false;
            }

            month = idx + 1;
        }

        var offset = TimeSpan.Zero;
        if (m.Groups["z"].Success && m.Groups["z"].Value is var z && z != "Z")
        {
            var digits = z.Replace(":", string.Empty, StringComparison.Ordinal);
            offset = new TimeSpan(int.Parse(digits[1..3], CultureInfo.InvariantCulture), int.Parse(digits[3..5], CultureInfo.InvariantCulture), 0);
            if (digits[0] == '-')
            {
                offset = -offset;
            }
        }

        try
        {
            var date = m.Groups["j"].Success
                ? new System.DateTime(year, 1, 1).AddDays(Get("j", 1) - 1)
                : new System.DateTime(year, month, Get("d", 1));
            value = new DateTimeOffset(date.Year, date.Month, date.Day, Get("H", 0), Get("M", 0), Get("S", 0), offset);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static Regex Compile(string format)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < format.Length; i++)
        {
            var ch = format[i];
            if (ch != '%' || i + 1 >= format.Length)
            {
                sb.Append(char.IsWhiteSpace(ch) ? @"\s+" : Regex.Escape(ch.ToString()));
                continue;
            }

            var c = format[++i];
            sb.Append(c switch
            {
                'Y' => @"(?<Y>\d{4})",
                'y' => @"(?<y>\d{2})",
                'm' => @"(?<m>\d{1,2})",
                'd' => @"(?<d>\d{1,2})",
                'e' => @"(?<d>\s?\d{1,2})",
                'H' => @"(?<H>\d{1,2})",
                'M' => @"(?<M>\d{2})",
                'S' => @"(?<S>\d{2})",
                'j' => @"(?<j>\d{3})",
                'b' or 'h' => @"(?<b>[A-Za-z]{3})",
                'B' => @"(?<B>[A-Za-z]+)",
                'a' or 'A' => @"[A-Za-z]+",
                'z' => @"(?<z>Z|[+-]\d{2}:?\d{2})",
                '%' => "%",
                _ => Regex.Escape("%" + c),
            });
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
