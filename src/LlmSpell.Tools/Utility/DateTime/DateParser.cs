using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Values;

namespace LlmSpell.Tools.Utility.DateTime;

/// <summary>The parsing order of tools.md §5.4: Unix time, RFC 3339, RFC 2822, then the strftime list.</summary>
internal static partial class DateParser
{
    public static readonly string[] Patterns =
    [
        "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y/%m/%d",
        "%d/%m/%Y %H:%M:%S", "%d/%m/%Y", "%m/%d/%Y", "%d-%m-%Y", "%d.%m.%Y", "%B %d, %Y",
        "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%A, %B %d, %Y",
    ];

    /// <summary>Parses a date parameter or raises <c>unable to parse date '&lt;x&gt;'</c>.</summary>
    public static (DateTimeOffset Value, string FormatUsed) Parse(JsonNode? input, string parameter)
    {
        if (input is null)
        {
            throw ToolFailureException.InvalidParameters($"missing required parameter '{parameter}'");
        }

        if (JsonValues.IsNumber(input))
        {
            return (FromUnix(JsonValues.AsDouble(input)!.Value), "unix_timestamp");
        }

        var text = (JsonValues.AsString(input) ?? JsonText.Compact(input)).Trim();
        return TryParse(text, out var value, out var used)
            ? (value, used)
            : throw ToolFailureException.Failed($"unable to parse date '{text}'", "invalid_parameter");
    }

    public static bool TryParse(string text, out DateTimeOffset value, out string formatUsed)
    {
        formatUsed = "unix_timestamp";
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            value = FromUnix(number);
            return true;
        }

        formatUsed = "RFC 3339";
        if (Rfc3339().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return true;
        }

        formatUsed = "RFC 2822";
        if (Rfc2822().Match(text) is { Success: true } m && TryRfc2822(m, out value))
        {
            return true;
        }

        foreach (var pattern in Patterns)
        {
            if (Strftime.TryParse(text, pattern, out value))
            {
                formatUsed = pattern;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static DateTimeOffset FromUnix(double n) =>
        Math.Abs(n) > 1e11 ? DateTimeOffset.FromUnixTimeMilliseconds((long)n) : DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(n * 1000));

    private static bool TryRfc2822(Match m, out DateTimeOffset value)
    {
        var zone = m.Groups["zone"].Value;
        var offset = zone.Length == 5 && zone[0] is '+' or '-'
            ? new TimeSpan(int.Parse(zone[1..3], CultureInfo.InvariantCulture), int.Parse(zone[3..5], CultureInfo.InvariantCulture), 0) * (zone[0] == '-' ? -1 : 1)
            : TimeSpan.Zero;
        var text = $"{m.Groups["d"].Value} {m.Groups["mon"].Value} {m.Groups["y"].Value} {m.Groups["time"].Value}";
        var formats = new[] { "d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm" };
        if (System.DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            value = new DateTimeOffset(local, offset);
            return true;
        }

        value = default;
        return false;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^(?:[A-Za-z]{3},\s*)?(?<d>\d{1,2})\s+(?<mon>[A-Za-z]{3})\s+(?<y>\d{4})\s+(?<time>\d{2}:\d{2}(?::\d{2})?)\s*(?<zone>[+-]\d{4}|GMT|UTC|UT|Z)$")]
    private static partial Regex Rfc2822();
}
