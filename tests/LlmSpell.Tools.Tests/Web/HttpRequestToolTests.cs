using System.Text.Json.Nodes;
using LlmSpell.Tools.Infrastructure;
using static LlmSpell.Tools.Tests.Web.WebToolHarness;

namespace LlmSpell.Tools.Tests.Web;

public sealed class HttpRequestToolTests
{
    [Fact]
    public async Task HttpRequest_JsonEndpoint_ParsesBodyAndReportsStatus()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("http_request", new JsonObject { ["input"] = site.Url("/json") });

        Assert.True((bool)env["success"]!);
        Assert.Equal($"HTTP GET request to {site.Url("/json")} completed with status 200", (string)env["message"]!);
        var result = env["result"]!;
        Assert.Equal(200, (int)result["status_code"]!);
        Assert.Equal("OK", (string)result["status_text"]!);
        Assert.True((bool)result["body_is_json"]!);
        Assert.Equal("llmspell", (string)result["body"]!["name"]!);
        Assert.StartsWith("application/json", (string)result["headers"]!["content-type"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpRequest_PostTableBodyQueryAndBearerAuth_AreSent()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("http_request", new JsonObject
        {
            ["input"] = site.Url("/echo"),
            ["method"] = "post",
            ["query"] = new JsonObject { ["q"] = "a b", ["n"] = 2 },
            ["body"] = new JsonObject { ["x"] = 1 },
            ["auth"] = new JsonObject { ["type"] = "bearer", ["token"] = "tok" },
            ["headers"] = new JsonObject { ["X-Custom"] = "yes" },
        });

        var echo = env["result"]!["body"]!;
        Assert.Equal("POST", (string)echo["method"]!);
        Assert.Equal("?q=a%20b&n=2", (string)echo["query"]!);
        Assert.Equal("{\"x\":1}", (string)echo["body"]!);
        Assert.Equal("Bearer tok", (string)echo["headers"]!["authorization"]!);
        Assert.Equal("application/json", (string)echo["headers"]!["content-type"]!);
        Assert.Equal("yes", (string)echo["headers"]!["x-custom"]!);
    }

    [Theory]
    [InlineData("basic", "authorization", "Basic dTpw")]
    [InlineData("api_key", "x-api-key", "k1")]
    public async Task HttpRequest_AuthKinds_SetTheirHeaders(string type, string header, string expected)
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("http_request", new JsonObject
        {
            ["input"] = site.Url("/echo"),
            ["auth"] = new JsonObject { ["type"] = type, ["username"] = "u", ["password"] = "p", ["key"] = "k1" },
        });

        Assert.Equal(expected, (string)env["result"]!["body"]!["headers"]![header]!);
    }

    [Fact]
    public async Task HttpRequest_TextAndBinaryBodies_AreDecodedByContentType()
    {
        await using var site = await TestSite.StartAsync();

        var text = await Run("http_request", new JsonObject { ["input"] = site.Url("/text") });
        var binary = await Run("http_request", new JsonObject { ["input"] = site.Url("/binary") });
        var forced = await Run("http_request", new JsonObject { ["input"] = site.Url("/json"), ["response_type"] = "text" });

        Assert.Equal("plain text", (string)text["result"]!["body"]!);
        Assert.Equal("AAEC/w==", (string)binary["result"]!["body"]!);
        Assert.Equal("base64", (string)binary["result"]!["body_encoding"]!);
        Assert.Equal("{\"name\":\"llmspell\",\"items\":[1,2,3]}", (string)forced["result"]!["body"]!);
    }

    [Fact]
    public async Task HttpRequest_Non2xx_IsNegativeResultNotError()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("http_request", new JsonObject { ["input"] = site.Url("/status/404") });

        Assert.True((bool)env["success"]!);
        Assert.Equal(404, (int)env["result"]!["status_code"]!);
    }

    [Fact]
    public async Task HttpRequest_Redirect_IsFollowedAndFinalUrlReported()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("http_request", new JsonObject { ["input"] = site.Url("/redirect") });
        var manual = await Run("http_request", new JsonObject { ["input"] = site.Url("/redirect"), ["follow_redirects"] = false });

        Assert.Equal(site.Url("/page.html"), (string)env["result"]!["url"]!);
        Assert.Equal(302, (int)manual["result"]!["status_code"]!);
    }

    [Fact]
    public async Task HttpRequest_RetryableStatus_IsRetriedUntilSuccess()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("http_request", new JsonObject
        {
            ["input"] = site.Url("/flaky"),
            ["retry"] = new JsonObject { ["max_attempts"] = 3, ["initial_delay_ms"] = 10 },
        });

        Assert.Equal(200, (int)env["result"]!["status_code"]!);
        Assert.Equal(3, site.Hits("/flaky"));
        Assert.Equal(2, (int)env["result"]!["retry_count"]!);
    }

    [Fact]
    public async Task HttpRequest_RetryAfter_IsHonoured()
    {
        await using var site = await TestSite.StartAsync();
        var started = DateTime.UtcNow;

        var env = await Run("http_request", new JsonObject
        {
            ["input"] = site.Url("/retry-after"),
            ["retry"] = new JsonObject { ["initial_delay_ms"] = 1 },
        });

        Assert.Equal("after wait", (string)env["result"]!["body"]!);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(900), "Retry-After: 1 should delay the retry by about a second");
    }

    [Fact]
    public async Task HttpRequest_DefaultPolicy_RefusesLoopback()
    {
        await using var site = await TestSite.StartAsync();

        var ex = await Raises("http_request", new JsonObject { ["input"] = site.Url("/json") }, toml: "");

        Assert.Equal("Tool 'http_request' failed: security violation: host '127.0.0.1' is a private address; set tools.network.block_private_addresses = false to allow it", ex.ScriptMessage("http_request"));
        Assert.Equal(0, site.Hits("/json"));
    }

    [Fact]
    public async Task HttpRequest_ToolBlockedHosts_AreMergedIntoThePolicy()
    {
        var ex = await Raises("http_request", new JsonObject { ["input"] = "http://127.0.0.1:1/" }, TestSite.LoopbackToml + "[tools.http_request]\nblocked_hosts = [\"127.0.0.1\"]\n");

        Assert.Equal(ToolFailureKind.SecurityViolation, ex.Kind);
    }

    [Fact]
    public async Task HttpRequest_BadInput_Raises()
    {
        Assert.Equal("missing required parameter 'input'", (await Raises("http_request", [])).Message);
        Assert.StartsWith("parameter 'method': expected one of GET", (await Raises("http_request", new JsonObject { ["input"] = "http://127.0.0.1:1/", ["method"] = "FETCH" })).Message, StringComparison.Ordinal);
        Assert.StartsWith("parameter 'headers': expected object", (await Raises("http_request", new JsonObject { ["input"] = "http://127.0.0.1:1/", ["headers"] = "x" })).Message, StringComparison.Ordinal);
        Assert.StartsWith("parameter 'auth.type'", (await Raises("http_request", new JsonObject { ["input"] = "http://127.0.0.1:1/", ["auth"] = new JsonObject { ["type"] = "oauth9" } })).Message, StringComparison.Ordinal);
        Assert.Equal(ToolFailureKind.SecurityViolation, (await Raises("http_request", new JsonObject { ["input"] = "file:///etc/passwd" })).Kind);
    }

    [Fact]
    public async Task HttpRequest_TransportFailures_Raise()
    {
        await using var site = await TestSite.StartAsync();

        var refused = await Raises("http_request", new JsonObject { ["input"] = $"http://127.0.0.1:{ClosedPort()}/", ["retry"] = new JsonObject { ["max_attempts"] = 1 } });
        var timeout = await Raises("http_request", new JsonObject { ["input"] = site.Url("/slow"), ["timeout_seconds"] = 1, ["retry"] = new JsonObject { ["max_attempts"] = 1 } });
        var large = await Raises("http_request", new JsonObject { ["input"] = site.Url("/big") }, TestSite.LoopbackToml + "max_response_bytes = 1000\n");
        var badJson = await Raises("http_request", new JsonObject { ["input"] = site.Url("/badjson"), ["response_type"] = "json" });
        var unresolvable = await Raises("http_request", new JsonObject { ["input"] = "http://nothing-here.invalid/" });

        Assert.Equal("network_error", refused.Code);
        Assert.Equal("timeout", timeout.Code);
        Assert.Contains("max_response_bytes", large.Message, StringComparison.Ordinal);
        Assert.Contains("is not valid JSON", badJson.Message, StringComparison.Ordinal);
        Assert.Equal("could not resolve host 'nothing-here.invalid'", unresolvable.Message);
    }
}
