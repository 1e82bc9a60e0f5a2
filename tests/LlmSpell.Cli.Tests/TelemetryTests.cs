using System.Text.Json.Nodes;
using LlmSpell.TestUtilities;

namespace LlmSpell.Cli.Tests;

/// <summary>Traces, metrics and the run report of a real script run, as a user (or their collector) sees them.</summary>
public sealed class TelemetryTests
{
    private const string Script = """
        local agent = Agent.builder():name("assistant"):model("mock/echo"):build()
        for i = 1, 3 do agent:execute({ text = "hello " .. i }) end
        local worker = Agent.builder():name("worker"):model("mock/echo"):allowed_tools({ "uuid_generator" }):build()
        worker:execute({ text = 'Make an id [[tool:uuid_generator {"operation":"generate"}]]' })
        for i = 1, 4 do Tool.invoke("uuid_generator", { operation = "generate" }) end
        print("done")
        """;

    [Theory]
    [InlineData("http/protobuf")]
    [InlineData("grpc")]
    public async Task Otlp_SpansOfARealRun_ArriveWithNamesAndGenAiAttributes(string protocol)
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var dir = new TempDirectory();
        dir.Write("app.lua", Script);
        var endpoint = protocol == "grpc" ? receiver.GrpcUrl : receiver.HttpUrl;
        dir.Write("llmspell.toml", $"""
            [telemetry]
            enabled = true
            exporter = "otlp"
            endpoint = "{endpoint}"
            protocol = "{protocol}"
            """);

        var r = CliProcess.Run(["run", "app.lua"], workingDirectory: dir.Path);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("done\n", r.Stdout);
        Assert.True(await receiver.WaitForAsync(x => x.Spans.Any(s => s.Name == "llmspell.run"), TimeSpan.FromSeconds(10)), "no llmspell.run span arrived");
        var spans = receiver.Spans;
        var root = Assert.Single(spans, s => s.Name == "llmspell.run");
        Assert.Equal("app.lua", root.Attributes["llmspell.script"]);
        Assert.All(spans, s => Assert.Equal(root.TraceId, s.TraceId));

        var agents = spans.Where(s => s.Name == "invoke_agent assistant").ToList();
        Assert.Equal(3, agents.Count);
        Assert.All(agents, a => Assert.Equal(root.SpanId, a.ParentSpanId));
        Assert.Equal("invoke_agent", agents[0].Attributes["gen_ai.operation.name"]);
        Assert.Equal("echo", agents[0].Attributes["gen_ai.request.model"]);

        var chats = spans.Where(s => s.Attributes.TryGetValue("gen_ai.operation.name", out var op) && (op as string) == "chat").ToList();
        Assert.True(chats.Count >= 4, $"expected model-call spans, got {chats.Count}");
        Assert.All(chats, c => Assert.True(c.Attributes.ContainsKey("gen_ai.usage.input_tokens"), "chat span without input token count"));
        Assert.Contains(chats, c => agents.Any(a => a.SpanId == c.ParentSpanId));

        var tools = spans.Where(s => s.Name == "execute_tool uuid_generator").ToList();
        Assert.Equal(5, tools.Count);
        Assert.Contains(tools, t => (t.Attributes["llmspell.caller"] as string) == "agent");
        Assert.Equal(protocol == "grpc" ? "/opentelemetry.proto.collector.trace.v1.TraceService/Export" : "/v1/traces", receiver.Paths[0]);

        Assert.True(await receiver.WaitForAsync(x => x.MetricNames.Contains("llmspell.tool.duration"), TimeSpan.FromSeconds(10)), "no tool metrics arrived");
        Assert.Contains("llmspell.agent.duration", receiver.MetricNames);
        Assert.Contains("gen_ai.client.token.usage", receiver.MetricNames);
    }

    [Fact]
    public async Task Otlp_EnabledByEnvironmentOnly_UsesStandardOtelVariables()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var dir = new TempDirectory();
        dir.Write("app.lua", "Tool.invoke('uuid_generator', { operation = 'generate' })\n");
        var env = new Dictionary<string, string?>
        {
            ["LLMSPELL__TELEMETRY__ENABLED"] = "true",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.HttpUrl,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "my-pipeline",
        };

        var r = CliProcess.Run(["--no-config", "run", "app.lua"], env: env, workingDirectory: dir.Path);

        Assert.Equal(0, r.ExitCode);
        Assert.True(await receiver.WaitForAsync(x => x.Spans.Any(s => s.Name == "execute_tool uuid_generator"), TimeSpan.FromSeconds(10)), "tool span did not arrive: " + r.Stderr);
    }

    [Fact]
    public void FileExporter_WritesSpansAndMetricsAsJsonLines()
    {
        using var dir = new TempDirectory();
        dir.Write("app.lua", Script);
        dir.Write("llmspell.toml", """
            [telemetry]
            enabled = true
            exporter = "file"
            file = "out/telemetry.jsonl"
            """);

        var r = CliProcess.Run(["run", "app.lua"], workingDirectory: dir.Path);

        Assert.Equal(0, r.ExitCode);
        var lines = File.ReadAllLines(dir.File("out/telemetry.jsonl")).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var spans = lines.Where(l => (string?)l["type"] == "span").ToList();
        Assert.Contains(spans, s => (string?)s["name"] == "llmspell.run");
        Assert.Equal(5, spans.Count(s => (string?)s["name"] == "execute_tool uuid_generator"));
        var agent = spans.First(s => (string?)s["name"] == "invoke_agent assistant");
        Assert.Equal("assistant", (string?)agent["attributes"]!["gen_ai.agent.name"]);
        Assert.Contains(lines, l => (string?)l["type"] == "metric" && (string?)l["name"] == "llmspell.tool.duration" && (long?)l["count"] >= 1);
    }

    [Fact]
    public void Report_PrintsTableAndTreeOnStderr_AndWritesTheSameJson()
    {
        using var dir = new TempDirectory();
        dir.Write("app.lua", Script);

        var r = CliProcess.Run(["run", "app.lua", "--report", "--report-file", "report.json"], workingDirectory: dir.Path);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("done\n", r.Stdout);
        Assert.Contains("Run report: app.lua", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("uuid_generator", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("agent assistant ×3", r.Stderr, StringComparison.Ordinal);
        var report = JsonNode.Parse(File.ReadAllText(dir.File("report.json")))!.AsObject();
        var ops = report["operations"]!.AsArray().Select(o => o!.AsObject()).ToList();
        var tool = ops.Single(o => (string?)o["kind"] == "tool" && (string?)o["name"] == "uuid_generator");
        Assert.Equal(5, (int)tool["calls"]!);
        Assert.True((double)tool["p95_ms"]! >= (double)tool["p50_ms"]!);
        var assistant = ops.Single(o => (string?)o["kind"] == "agent" && (string?)o["name"] == "assistant");
        Assert.Equal(3, (int)assistant["calls"]!);
        var modelTokens = ops.Where(o => (string?)o["kind"] == "model").Sum(o => (long)o["input_tokens"]!);
        Assert.True(modelTokens > 0);
        Assert.Equal(modelTokens, (long)report["totals"]!["input_tokens"]!);
        var tree = report["tree"]!.AsObject();
        Assert.Equal("run", (string?)tree["kind"]);
        Assert.Contains(tree["children"]!.AsArray(), c => (string?)c!["name"] == "worker" && c["children"]!.AsArray().Any(g => (string?)g!["name"] == "uuid_generator"));
    }

    [Fact]
    public void Telemetry_OffByDefault_NoReportAndNothingOnStderr()
    {
        using var dir = new TempDirectory();
        dir.Write("app.lua", Script);
        var r = CliProcess.Run(["run", "app.lua"], workingDirectory: dir.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void InvalidTelemetryConfig_IsRejectedWithTheKey()
    {
        using var dir = new TempDirectory();
        dir.Write("app.lua", "print('x')\n");
        dir.Write("llmspell.toml", "[telemetry]\nenabled = true\nsampling_ratio = 1.5\nendpoint = \"not a url\"\n");
        var r = CliProcess.Run(["run", "app.lua"], workingDirectory: dir.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("telemetry.sampling_ratio: must be between 0.0 and 1.0", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("telemetry.endpoint: must be an http(s) URL", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.Stderr, StringComparison.Ordinal);
    }
}
