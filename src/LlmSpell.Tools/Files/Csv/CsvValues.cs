using System.Globalization;
using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Files.Csv;

/// <summary>Typing of CSV cell text.</summary>
internal static class CsvValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy"];
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm"];

    public static bool IsInteger(string s) => long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    public static bool IsNumber(string s) => double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d);

    public static double? Number(string s) => double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;

    public static bool IsBoolean(string s) => s.Trim().ToLowerInvariant() is "true" or "false" or "yes" or "no";

    public static bool IsDate(string s) => DateTime.TryParseExact(s.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static bool IsDateTime(string s) => DateTime.TryParseExact(s.Trim(), DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static string Kind(string s) =>
        IsInteger(s) ? "integer" : IsNumber(s) ? "float" : IsBoolean(s) ? "boolean" : IsDate(s) ? "date" : IsDateTime(s) ? "date_time" : "string";

    /// <summary>Combined type of a column's non-empty values; integer+float widen to float, other mixes are "mixed".</summary>
    public static string ColumnType(IEnumerable<string> values)
    {
        var kinds = values.Where(v => v.Trim().Length > 0).Select(Kind).Distinct().ToList();
        return kinds.Count switch
        {
            0 => "string",
            1 => kinds[0],
            2 when kinds.Contains("integer") && kinds.Contains("float") => "float",
            _ => "mixed",
        };
    }

    /// <summary>A cell as a JSON value: empty → null, numbers and booleans typed, else the text.</summary>
    public static JsonNode? ToJson(string s)
    {
        var t = s.Trim();
        if (t.Length == 0)
        {
            return null;
        }

        if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }

        if (Number(t) is { } d)
        {
            return JsonValue.Create(d);
        }

        return t.ToLowerInvariant() switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ => JsonValue.Create(s),
        };
    }

    public static string Format(double d) => Math.Round(d, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
