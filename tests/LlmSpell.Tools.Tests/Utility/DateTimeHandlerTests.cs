using Microsoft.Extensions.Time.Testing;

namespace LlmSpell.Tools.Tests.Utility;

public sealed class DateTimeHandlerTests
{
    private readonly ToolHarness _h = new();

    [Theory]
    [InlineData("2024-01-15T10:30:00Z", "RFC 3339", "2024-01-15T10:30:00.000Z")]
    [InlineData("2024-01-15T12:30:00+02:00", "RFC 3339", "2024-01-15T10:30:00.000Z")]
    [InlineData("Mon, 15 Jan 2024 10:30:00 +0000", "RFC 2822", "2024-01-15T10:30:00.000Z")]
    [InlineData("2024-01-15 10:30", "%Y-%m-%d %H:%M", "2024-01-15T10:30:00.000Z")]
    [InlineData("15/01/2024", "%d/%m/%Y", "2024-01-15T00:00:00.000Z")]
    [InlineData("January 15, 2024", "%B %d, %Y", "2024-01-15T00:00:00.000Z")]
    [InlineData("15 Jan 2024", "%d %b %Y", "2024-01-15T00:00:00.000Z")]
    [InlineData("1705314600", "unix_timestamp", "2024-01-15T10:30:00.000Z")]
    [InlineData("1705314600000", "unix_timestamp", "2024-01-15T10:30:00.000Z")]
    public async Task Parse_FormatsInSpecOrder(string input, string used, string utc)
    {
        var r = await _h.Result("date_time_handler", $$"""{"input":"{{input}}"}""");
        Assert.Equal(used, r["format_used"]!.GetValue<string>());
        Assert.Equal(utc, r["parsed"]!["utc"]!.GetValue<string>());
    }

    [Fact]
    public async Task Parse_Fields()
    {
        var p = (await _h.Result("date_time_handler", """{"operation":"parse","input":1705314600}"""))["parsed"]!;
        Assert.Equal(1705314600, p["timestamp"]!.GetValue<long>());
        Assert.Equal("Monday", p["weekday"]!.GetValue<string>());
        Assert.Equal(10, p["hour"]!.GetValue<int>());
    }

    [Fact]
    public async Task Now_IsUtcWithZ_AndHonoursZone()
    {
        var r = await _h.Result("date_time_handler", """{"operation":"now"}""");
        Assert.EndsWith("Z", r["datetime"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(r["timestamp"]!.GetValue<long>() > 1_700_000_000);
        Assert.True(r["timestamp_ms"]!.GetValue<long>() > 1_700_000_000_000);
        var tokyo = await _h.Result("date_time_handler", """{"operation":"now","timezone":"Asia/Tokyo"}""");
        Assert.EndsWith("+09:00", tokyo["datetime"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Now_UsesTheInjectedClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero));
        var services = TestUtilities.ToolTestServices.Create(time: clock);
        using var pipeline = new LlmSpell.Tools.Pipeline.ToolPipeline(ToolsModule.CreateRegistry(services), services, new LlmSpell.Tools.Pipeline.SecurityAuditLog(clock));
        var output = await pipeline.InvokeAsync("date_time_handler", new() { ["operation"] = "now", ["format"] = "%Y/%m/%d %H:%M:%S %Z" }, ToolCaller.Script, null, TestContext.Current.CancellationToken);
        Assert.Equal("2030/05/06 07:08:09 UTC", output.ToScriptValue()["result"]!["datetime"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConvertAddDifferenceInfoFormat()
    {
        var c = await _h.Result("date_time_handler", """{"operation":"convert_timezone","input":"2024-07-01T12:00:00Z","target_timezone":"America/New_York"}""");
        Assert.Equal("2024-07-01T08:00:00.000-04:00", c["converted"]!.GetValue<string>());
        var a = await _h.Result("date_time_handler", """{"operation":"add","input":"2024-01-31","amount":1,"unit":"month"}""");
        Assert.Equal("2024-02-29T00:00:00.000Z", a["result"]!.GetValue<string>());
        var s = await _h.Result("date_time_handler", """{"operation":"subtract","input":"2024-01-01T00:00:00Z","amount":90,"unit":"min"}""");
        Assert.Equal("2023-12-31T22:30:00.000Z", s["result"]!.GetValue<string>());
        var d = (await _h.Result("date_time_handler", """{"operation":"difference","start":"2024-01-01T00:00:00Z","end":"2024-01-02T02:00:30Z"}"""))["difference"]!;
        Assert.Equal(93630, d["total_seconds"]!.GetValue<long>());
        Assert.Equal("1 day, 2 hours", d["human_readable"]!.GetValue<string>());
        var back = (await _h.Result("date_time_handler", """{"operation":"difference","start":"2024-01-01T00:03:00Z","end":"2024-01-01T00:00:00Z"}"""))["difference"]!;
        Assert.Equal("3 minutes ago", back["human_readable"]!.GetValue<string>());
        var same = (await _h.Result("date_time_handler", """{"operation":"difference","start":"2024-01-01","end":"2024-01-01"}"""))["difference"]!;
        Assert.Equal("0 seconds", same["human_readable"]!.GetValue<string>());
        var info = (await _h.Result("date_time_handler", """{"operation":"info","input":"2024-02-10T05:00:00Z"}"""))["info"]!;
        Assert.True(info["is_leap_year"]!.GetValue<bool>());
        Assert.Equal(29, info["days_in_month"]!.GetValue<int>());
        Assert.Equal(6, info["week_of_year"]!.GetValue<int>());
        Assert.Equal(1, info["quarter"]!.GetValue<int>());
        Assert.Equal(41, info["day_of_year"]!.GetValue<int>());
        var f = await _h.Result("date_time_handler", """{"operation":"format","input":"2024-01-05T09:07:03Z","format":"%A %e %B %Y, %I:%M %p (%j)"}""");
        Assert.Equal("Friday  5 January 2024, 09:07 AM (005)", f["formatted"]!.GetValue<string>());
        var formats = await _h.Result("date_time_handler", """{"operation":"formats"}""");
        Assert.Contains(formats["available_formats"]!.AsArray(), x => x!.GetValue<string>() == "%d.%m.%Y");
    }

    [Fact]
    public async Task BadInput_Raises()
    {
        Assert.Equal("Tool 'date_time_handler' failed: unable to parse date 'yesterday-ish'", await _h.Raises("date_time_handler", """{"input":"yesterday-ish"}"""));
        Assert.Equal("Tool 'date_time_handler' failed: unknown timezone 'Mars/Olympus'", await _h.Raises("date_time_handler", """{"operation":"now","timezone":"Mars/Olympus"}"""));
        Assert.Equal("Tool 'date_time_handler' invalid parameters: missing required parameter 'target_timezone'", await _h.Raises("date_time_handler", """{"operation":"convert_timezone","input":"2024-01-01"}"""));
        Assert.Equal("Tool 'date_time_handler' invalid parameters: missing required parameter 'amount'", await _h.Raises("date_time_handler", """{"operation":"add","input":"2024-01-01","unit":"d"}"""));
        Assert.Equal("Tool 'date_time_handler' invalid parameters: parameter 'amount': expected integer, got number", await _h.Raises("date_time_handler", """{"operation":"add","input":"2024-01-01","amount":1.5,"unit":"d"}"""));
        Assert.StartsWith("Tool 'date_time_handler' invalid parameters: parameter 'unit': unknown unit 'fortnight'", await _h.Raises("date_time_handler", """{"operation":"add","input":"2024-01-01","amount":1,"unit":"fortnight"}"""), StringComparison.Ordinal);
        Assert.Equal("Tool 'date_time_handler' invalid parameters: missing required parameter 'input'", await _h.Raises("date_time_handler", "{}"));
        Assert.StartsWith("Tool 'date_time_handler' invalid parameters: parameter 'operation': expected one of parse, now,", await _h.Raises("date_time_handler", """{"operation":"rewind"}"""), StringComparison.Ordinal);
    }
}
