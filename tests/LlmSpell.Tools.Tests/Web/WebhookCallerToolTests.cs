using System.Diagnostics;
using System.Text.Json.Nodes;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Web;
using Microsoft.Extensions.Time.Testing;
using static LlmSpell.Tools.Tests.Web.WebToolHarness;

namespace LlmSpell.Tools.Tests.Web;

public sealed class WebhookCallerToolTests
{
    private static JsonObject Call(string url, int maxRetries = 3, string? secret = TestSite.Secret) => new()
    {
        ["input"] = url,
        ["payload"] = new JsonObject { ["event"] = "order.created", ["id"] = 42 },
        ["max_retries"] = maxRetries,
        ["secret"] = secret,
        ["retry_base_delay_ms"] = 10,
    };

    [Fact]
    public async Task Webhook_SignedDelivery_IsVerifiedByTheReceiver()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("webhook_caller", Call(site.Url("/hook")));

        Assert.Equal("call", (string)env["operation"]!);
        Assert.True((bool)env["success"]!);
        var result = env["result"]!;
        Assert.True((bool)result["success"]!);
        Assert.Equal(200, (int)result["status_code"]!);
        Assert.True((bool)result["response"]!["json"]!["received"]!);
        Assert.Equal(0, (int)result["retry_count"]!);
        Assert.Equal("{\"event\":\"order.created\",\"id\":42}", Assert.Single(site.Verified));
    }

    [Fact]
    public async Task Webhook_WrongSecret_IsRejectedAsNon2xxNegativeResult()
    {
        await using var site = await TestSite.StartAsync();
        var call = Call(site.Url("/hook"));
        call["secret"] = "wrong";

        var env = await Run("webhook_caller", call);

        Assert.True((bool)env["success"]!);
        Assert.False((bool)env["result"]!["success"]!);
        Assert.Equal(401, (int)env["result"]!["status_code"]!);
        Assert.Single(site.Rejected);
        Assert.Equal(1, site.Hits("/hook"));
    }

    [Fact]
    public async Task Webhook_ServerErrors_AreRetriedThenReported()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("webhook_caller", Call(site.Url("/hook500"), maxRetries: 2));

        Assert.Equal(3, site.Hits("/hook500"));
        Assert.True((bool)env["success"]!);
        Assert.False((bool)env["result"]!["success"]!);
        Assert.Equal(500, (int)env["result"]!["status_code"]!);
        Assert.Equal(2, (int)env["result"]!["retry_count"]!);
    }

    [Fact]
    public async Task Webhook_429WithRetryAfter_WaitsThenSucceeds()
    {
        await using var site = await TestSite.StartAsync();
        var watch = Stopwatch.StartNew();

        var env = await Run("webhook_caller", Call(site.Url("/hook429")));

        Assert.True((bool)env["result"]!["success"]!);
        Assert.Equal(1, (int)env["result"]!["retry_count"]!);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"Retry-After: 1 was not honoured ({watch.ElapsedMilliseconds} ms)");
    }

    [Fact]
    public async Task Webhook_SlowReceiver_TimesOutEachAttemptThenRetriesExhausted()
    {
        await using var site = await TestSite.StartAsync();
        var call = Call(site.Url("/hookslow"), maxRetries: 1);
        call["timeout"] = 1;

        var env = await Run("webhook_caller", call);

        Assert.False((bool)env["success"]!);
        Assert.Equal("retries_exhausted", (string)env["error"]!["code"]!);
        Assert.Contains("timed out", (string)env["error"]!["message"]!, StringComparison.Ordinal);
        var result = env["result"]!.AsObject();
        Assert.Equal(["success", "webhook_url", "error", "max_retries", "retry_count"], result.Select(kv => kv.Key));
        Assert.Equal(1, (int)result["max_retries"]!);
        Assert.Equal(1, (int)result["retry_count"]!);
        Assert.Equal(2, site.Hits("/hookslow"));
    }

    [Fact]
    public async Task Webhook_ConnectionRefused_IsFailureEnvelopeNotError()
    {
        var env = await Run("webhook_caller", Call($"http://127.0.0.1:{ClosedPort()}/hook", maxRetries: 1));

        Assert.False((bool)env["success"]!);
        Assert.Equal("retries_exhausted", (string)env["error"]!["code"]!);
        Assert.Equal(1, (int)env["result"]!["retry_count"]!);
    }

    [Fact]
    public async Task Webhook_UnresolvableHost_FailsAtOnceWithNetworkError()
    {
        var watch = Stopwatch.StartNew();

        var env = await Run("webhook_caller", Call("https://hooks.unreachable.invalid/x", maxRetries: 3, secret: null));

        Assert.False((bool)env["success"]!);
        Assert.Equal("network_error", (string)env["error"]!["code"]!);
        Assert.Equal("could not resolve host 'hooks.unreachable.invalid'", (string)env["error"]!["message"]!);
        Assert.Equal(0, (int)env["result"]!["retry_count"]!);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Webhook_DefaultPolicy_DenialRaises()
    {
        await using var site = await TestSite.StartAsync();

        var ex = await Raises("webhook_caller", Call(site.Url("/hook")), toml: "");

        Assert.Equal(ToolFailureKind.SecurityViolation, ex.Kind);
        Assert.Equal(0, site.Hits("/hook"));
    }

    [Fact]
    public async Task Webhook_CircuitBreaker_OpensAfterRepeatedFailuresAndClosesAfterBreak()
    {
        await using var site = await TestSite.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var services = Services(time: time);
        for (var i = 0; i < WebhookCircuits.MinimumThroughput; i++)
        {
            await Run(services, "webhook_caller", Call(site.Url("/hook500"), maxRetries: 0));
        }

        var open = await Run(services, "webhook_caller", Call(site.Url("/hook500"), maxRetries: 0));
        time.Advance(WebhookCircuits.BreakDuration + TimeSpan.FromSeconds(1));
        var probe = await Run(services, "webhook_caller", Call(site.Url("/hook500"), maxRetries: 0));

        Assert.False((bool)open["success"]!);
        Assert.StartsWith($"circuit breaker open for {site.Url("/hook500")}", (string)open["error"]!["message"]!, StringComparison.Ordinal);
        Assert.True((bool)open["result"]!["circuit_open"]!);
        Assert.Equal(500, (int)probe["result"]!["status_code"]!);
        Assert.Equal(WebhookCircuits.MinimumThroughput + 1, site.Hits("/hook500"));
    }

    [Fact]
    public async Task Webhook_Events_AreSentInSignedBatches()
    {
        await using var site = await TestSite.StartAsync();
        var call = Call(site.Url("/hook"));
        call.Remove("payload");
        call["events"] = new JsonArray(1, 2, 3, 4, 5);
        call["batch_size"] = 2;

        var env = await Run("webhook_caller", call);

        Assert.True((bool)env["result"]!["success"]!);
        Assert.Equal(3, (int)env["result"]!["batch_count"]!);
        Assert.Equal(5, (int)env["result"]!["event_count"]!);
        Assert.Equal(["[1,2]", "[3,4]", "[5]"], site.Verified);
    }

    [Fact]
    public async Task Webhook_BadInput_Raises()
    {
        Assert.Equal("missing required parameter 'input'", (await Raises("webhook_caller", [])).Message);
        Assert.Contains("'max_retries' must be between 0 and 10", (await Raises("webhook_caller", new JsonObject { ["input"] = "http://127.0.0.1:1/", ["max_retries"] = 11 })).Message, StringComparison.Ordinal);
        Assert.StartsWith("parameter 'method'", (await Raises("webhook_caller", new JsonObject { ["input"] = "http://127.0.0.1:1/", ["method"] = "HEAD" })).Message, StringComparison.Ordinal);
        Assert.StartsWith("parameter 'events': expected array", (await Raises("webhook_caller", new JsonObject { ["input"] = "http://127.0.0.1:1/", ["events"] = "x" })).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 0.5, 500)]
    [InlineData(2, 0.5, 1000)]
    [InlineData(4, 0.5, 4000)]
    [InlineData(5, 0.5, 8000)]
    [InlineData(6, 0.5, 10000)]
    [InlineData(1, 0.0, 400)]
    [InlineData(1, 1.0, 600)]
    [InlineData(5, 1.0, 9600)]
    public void Backoff_IsExponentialWithJitterAndCapped(int attempt, double random, double expectedMs) =>
        Assert.Equal(expectedMs, WebhookBackoff.Delay(attempt, null, random).TotalMilliseconds, 3);

    [Fact]
    public void Backoff_RetryAfter_WinsAndIsCapped()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), WebhookBackoff.Delay(1, TimeSpan.FromSeconds(3), 0.5));
        Assert.Equal(WebhookBackoff.RetryAfterCap, WebhookBackoff.Delay(1, TimeSpan.FromMinutes(5), 0.5));
    }

    [Fact]
    public void Signer_MatchesTheDocumentedScheme()
    {
        // tools.md §5.33: "sha256=<hex>" HMAC-SHA256 of the body. Known vector: HMAC-SHA256("key", "{}").
        var signature = WebhookSigner.Sign("key", "{}"u8);

        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("key"u8, "{}"u8));
        Assert.Equal(expected, signature);
    }
}
