using System.Globalization;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Utility.DateTime;

/// <summary>date_time_handler (tools.md §5.4).</summary>
internal sealed class DateTimeHandlerTool(ToolServices services) : ITool
{
    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "date_time_handler",
        Description = "Parses, formats, converts and computes with dates and times (IANA time zones)",
        Category = "utility",
        Aliases = ["datetime_handler"],
        Parameters =
        [
            new("operation", "string", "parse, now, convert_timezone, add, subtract, difference, info, format or formats", Default: "parse",
                Enum: ["parse", "now", "convert_timezone", "add", "subtract", "difference", "info", "format", "formats"]),
            new("input", "any", "The date (string, or Unix seconds/milliseconds)"),
            new("timezone", "string", "IANA zone, UTC or local, for now and format output", Default: "UTC"),
            new("target_timezone", "string", "Zone for convert_timezone"),
            new("amount", "integer", "Amount for add/subtract"),
            new("unit", "string", "Unit for add/subtract"),
            new("start", "any", "Start date for difference"),
            new("end", "any", "End date for difference"),
            new("format", "string", "strftime output format (default RFC 3339 with milliseconds)"),
        ],
    };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var op = request.Operation!;
        return Task.FromResult(op switch
        {
            "now" => Now(request),
            "convert_timezone" => Convert(request),
            "add" or "subtract" => Add(request, op),
            "difference" => Difference(request),
            "info" => Info(request),
            "format" => Format(request),
            "formats" => Formats(),
            _ => Parse(request),
        });
    }

    private ComponentOutput Now(ToolRequest request)
    {
        var zoneName = request.String("timezone")!;
        var zone = TimeZones.Find(zoneName);
        var now = TimeZones.In(services.Time.GetUtcNow(), zone);
        var format = request.String("format");
        return Envelope.Success("now", "Current date and time", new JsonObject
        {
            ["datetime"] = Output(now, format),
            ["timezone"] = zone == TimeZoneInfo.Utc ? "UTC" : zoneName,
            ["format"] = format ?? "RFC 3339",
            ["timestamp"] = now.ToUnixTimeSeconds(),
            ["timestamp_ms"] = now.ToUnixTimeMilliseconds(),
        });
    }

    private static ComponentOutput Parse(ToolRequest request)
    {
        var (t, used) = DateParser.Parse(request["input"], "input");
        var utc = t.ToUniversalTime();
        return Envelope.Success("parse", "Date parsed successfully", new JsonObject
        {
            ["input"] = request["input"]!.DeepClone(),
            ["parsed"] = new JsonObject
            {
                ["utc"] = Strftime.Rfc3339(utc),
                ["timestamp"] = utc.ToUnixTimeSeconds(),
                ["year"] = utc.Year,
                ["month"] = utc.Month,
                ["day"] = utc.Day,
                ["hour"] = utc.Hour,
                ["minute"] = utc.Minute,
                ["second"] = utc.Second,
                ["weekday"] = utc.DayOfWeek.ToString(),
            },
            ["format_used"] = used,
        });
    }

    private static ComponentOutput Convert(ToolRequest request)
    {
        var target = request.String("target_timezone") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'target_timezone'");
        var (t, _) = DateParser.Parse(request["input"], "input");
        var converted = TimeZones.In(t, TimeZones.Find(target));
        return Envelope.Success("convert_timezone", $"Converted to {target}", new JsonObject
        {
            ["input"] = request["input"]!.DeepClone(),
            ["target_timezone"] = target,
            ["original"] = Strftime.Rfc3339(t),
            ["converted"] = Output(converted, request.String("format")),
        });
    }

    private static ComponentOutput Add(ToolRequest request, string op)
    {
        var amount = request.Integer("amount") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'amount'");
        var unitText = request.String("unit") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'unit'");
        var unit = DateMath.Unit(unitText);
        var (t, _) = DateParser.Parse(request["input"], "input");
        var result = DateMath.Add(t, op == "add" ? amount : -amount, unit);
        return Envelope.Success(op, $"{(op == "add" ? "Added" : "Subtracted")} {amount} {unit}", new JsonObject
        {
            ["input"] = request["input"]!.DeepClone(),
            ["amount"] = amount,
            ["unit"] = unit,
            ["original"] = Strftime.Rfc3339(t),
            ["result"] = Output(result, request.String("format")),
        });
    }

    private static ComponentOutput Difference(ToolRequest request)
    {
        var (start, _) = DateParser.Parse(request["start"], "start");
        var (end, _) = DateParser.Parse(request["end"], "end");
        return Envelope.Success("difference", "Calculated time difference", new JsonObject
        {
            ["start"] = Strftime.Rfc3339(start),
            ["end"] = Strftime.Rfc3339(end),
            ["difference"] = DateMath.Difference(start, end),
        });
    }

    private static ComponentOutput Info(ToolRequest request)
    {
        var (t, _) = DateParser.Parse(request["input"], "input");
        var start = new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, t.Offset);
        return Envelope.Success("info", "Date information", new JsonObject
        {
            ["input"] = request["input"]!.DeepClone(),
            ["info"] = new JsonObject
            {
                ["year"] = t.Year,
                ["month"] = t.Month,
                ["day"] = t.Day,
                ["hour"] = t.Hour,
                ["minute"] = t.Minute,
                ["second"] = t.Second,
                ["weekday"] = t.DayOfWeek.ToString(),
                ["day_of_year"] = t.DayOfYear,
                ["week_of_year"] = ISOWeek.GetWeekOfYear(t.DateTime),
                ["quarter"] = ((t.Month - 1) / 3) + 1,
                ["is_leap_year"] = System.DateTime.IsLeapYear(t.Year),
                ["days_in_month"] = System.DateTime.DaysInMonth(t.Year, t.Month),
                ["start_of_day"] = Strftime.Rfc3339(start),
                ["end_of_day"] = Strftime.Rfc3339(start.AddDays(1).AddMilliseconds(-1)),
                ["timestamp"] = t.ToUnixTimeSeconds(),
            },
        });
    }

    private static ComponentOutput Format(ToolRequest request)
    {
        var (t, _) = DateParser.Parse(request["input"], "input");
        var zone = TimeZones.Find(request.String("timezone")!);
        var format = request.String("format");
        return Envelope.Success("format", "Date formatted", new JsonObject
        {
            ["input"] = request["input"]!.DeepClone(),
            ["format"] = format ?? "RFC 3339",
            ["formatted"] = Output(TimeZones.In(t, zone), format),
        });
    }

    private static ComponentOutput Formats()
    {
        var sample = new DateTimeOffset(2024, 1, 15, 14, 30, 45, TimeSpan.Zero);
        var examples = new JsonObject { ["rfc3339"] = Strftime.Rfc3339(sample), ["rfc2822"] = sample.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0000" };
        foreach (var p in DateParser.Patterns)
        {
            examples[p] = Strftime.Format(sample, p);
        }

        JsonNode?[] available = ["unix_timestamp", "RFC 3339", "RFC 2822", .. DateParser.Patterns.Select(p => (JsonNode?)p)];
        return Envelope.Success("formats", "Supported date formats", new JsonObject { ["available_formats"] = new JsonArray(available), ["example_formats"] = examples });
    }

    private static string Output(DateTimeOffset t, string? format) => format is null ? Strftime.Rfc3339(t) : Strftime.Format(t, format);
}
