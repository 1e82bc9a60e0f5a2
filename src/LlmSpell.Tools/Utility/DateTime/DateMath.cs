using System.Globalization;
using System.Text.Json.Nodes;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Utility.DateTime;

/// <summary>Unit arithmetic and differences for date_time_handler.</summary>
internal static class DateMath
{
    /// <summary>The canonical unit for a spelling of tools.md §5.4, or an invalid-parameters failure.</summary>
    public static string Unit(string unit) => unit.Trim().ToLowerInvariant() switch
    {
        "second" or "seconds" or "sec" or "secs" or "s" => "seconds",
        "minute" or "minutes" or "min" or "mins" or "m" => "minutes",
        "hour" or "hours" or "h" => "hours",
        "day" or "days" or "d" => "days",
        "week" or "weeks" or "w" => "weeks",
        "month" or "months" => "months",
        "year" or "years" => "years",
        _ => throw ToolFailureException.InvalidParameters($"parameter 'unit': unknown unit '{unit}'; valid units are seconds, minutes, hours, days, weeks, months, years"),
    };

    /// <summary>Adds an amount; months and years clamp to the last day of the month (DateTime.AddMonths does).</summary>
    public static DateTimeOffset Add(DateTimeOffset t, long amount, string unit)
    {
        try
        {
            return unit switch
            {
                "seconds" => t.AddSeconds(amount),
                "minutes" => t.AddMinutes(amount),
                "hours" => t.AddHours(amount),
                "days" => t.AddDays(amount),
                "weeks" => t.AddDays(amount * 7),
                "months" => t.AddMonths(checked((int)amount)),
                _ => t.AddYears(checked((int)amount)),
            };
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException)
        {
            throw ToolFailureException.Failed($"the result is outside the supported date range (adding {amount} {unit})", "invalid_parameter");
        }
    }

    public static JsonObject Difference(DateTimeOffset start, DateTimeOffset end)
    {
        var diff = end - start;
        var abs = diff.Duration();
        var totalSeconds = diff.TotalSeconds;
        return new JsonObject
        {
            ["total_seconds"] = totalSeconds == Math.Floor(totalSeconds) ? JsonValue.Create((long)totalSeconds) : JsonValue.Create(totalSeconds),
            ["days"] = abs.Days,
            ["hours"] = abs.Hours,
            ["minutes"] = abs.Minutes,
            ["seconds"] = abs.Seconds,
            ["human_readable"] = HumanReadable(diff),
        };
    }

    /// <summary>The two largest non-zero units ("1 day, 2 hours"), "… ago" when negative, "0 seconds" when equal.</summary>
    public static string HumanReadable(TimeSpan diff)
    {
        var abs = diff.Duration();
        var parts = new List<string>();
        foreach (var (value, name) in new[] { ((long)abs.TotalDays, "day"), (abs.Hours, "hour"), (abs.Minutes, "minute"), (abs.Seconds, "second") })
        {
            if (value != 0 && parts.Count < 2)
            {
                parts.Add($"{value.ToString(CultureInfo.InvariantCulture)} {name}{(value == 1 ? string.Empty : "s")}");
            }
        }

        if (parts.Count == 0)
        {
            return "0 seconds";
        }

        var text = string.Join(", ", parts);
        return diff < TimeSpan.Zero ? text + " ago" : text;
    }
}
