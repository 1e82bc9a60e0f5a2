using System.Text.Json.Nodes;
using static LlmSpell.Tools.Tests.Web.WebToolHarness;

namespace LlmSpell.Tools.Tests.Web;

public sealed class ApiTesterToolTests
{
    [Fact]
    public async Task ApiTester_PassingAssertions_ArePassed()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("api_tester", new JsonObject
        {
            ["input"] = site.Url("/json"),
            ["expected_status"] = 200,
            ["expected_body_contains"] = "llmspell",
            ["max_response_time_ms"] = 10000,
        });

        var r = env["result"]!;
        Assert.Equal("test", (string)env["operation"]!);
        Assert.True((bool)r["passed"]!);
        Assert.Equal(3, r["assertions"]!.AsArray().Count);
        Assert.True((bool)r["response"]!["body_is_json"]!);
        Assert.Equal("GET", (string)r["request"]!["method"]!);
        Assert.True((long)r["timing"]!["duration_ms"]! >= 0);
    }

    [Fact]
    public async Task ApiTester_FailedAssertion_IsNegativeResult()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("api_tester", new JsonObject { ["input"] = site.Url("/status/503"), ["expected_status"] = new JsonArray(200, 201) });

        Assert.True((bool)env["success"]!);
        var r = env["result"]!;
        Assert.False((bool)r["passed"]!);
        Assert.False((bool)r["response"]!["is_success"]!);
        var assertion = r["assertions"]![0]!;
        Assert.Equal("status_code", (string)assertion["name"]!);
        Assert.Equal(503, (int)assertion["actual"]!);
    }

    [Fact]
    public async Task ApiTester_NoAssertions_Passes()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("api_tester", new JsonObject { ["input"] = site.Url("/echo"), ["method"] = "PUT", ["body"] = "raw" });

        Assert.True((bool)env["result"]!["passed"]!);
        Assert.Equal("raw", (string)env["result"]!["response"]!["body"]!["body"]!);
    }

    [Fact]
    public async Task ApiTester_BadInputAndTransportFailures_Raise()
    {
        await using var site = await TestSite.StartAsync();

        Assert.Equal("network_error", (await Raises("api_tester", new JsonObject { ["input"] = $"http://127.0.0.1:{ClosedPort()}/" })).Code);
        Assert.Equal("timeout", (await Raises("api_tester", new JsonObject { ["input"] = site.Url("/slow"), ["timeout"] = 1 })).Code);
        Assert.StartsWith("parameter 'expected_status'", (await Raises("api_tester", new JsonObject { ["input"] = site.Url("/json"), ["expected_status"] = "ok" })).Message, StringComparison.Ordinal);
        Assert.StartsWith("parameter 'timeout': expected integer", (await Raises("api_tester", new JsonObject { ["input"] = site.Url("/json"), ["timeout"] = "soon" })).Message, StringComparison.Ordinal);
        Assert.StartsWith("parameter 'method'", (await Raises("api_tester", new JsonObject { ["input"] = site.Url("/json"), ["method"] = "BREW" })).Message, StringComparison.Ordinal);
    }
}
