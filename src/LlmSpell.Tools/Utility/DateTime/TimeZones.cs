using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Utility.DateTime;

/// <summary>Zone lookup: IANA names through <see cref="TimeZoneInfo"/>, plus <c>UTC</c> and <c>local</c>.</summary>
internal static class TimeZones
{
    public static TimeZoneInfo Find(string name)
    {
        var n = name.Trim();
        if (n.Equals("utc", StringComparison.OrdinalIgnoreCase) || n.Equals("z", StringComparison.OrdinalIgnoreCase) || n.Equals("gmt", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        if (n.Equals("local", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Local;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(n);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw ToolFailureException.Failed($"unknown timezone '{name}'", "invalid_parameter");
        }
    }

    public static DateTimeOffset In(DateTimeOffset t, TimeZoneInfo zone) =>
        zone == TimeZoneInfo.Utc ? t.ToUniversalTime() : TimeZoneInfo.ConvertTime(t, zone);
}
