using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Scripting;
using LlmSpell.TestUtilities;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Pipeline;

namespace LlmSpell.Tools.Tests.Pipeline;

public sealed class ToolPipelineTests
{
    [Theory]
    [InlineData("hash-calculator")]
    [InlineData("HASH_CALCULATOR")]
    [InlineData("Hash-Calculator")]
    public async Task Invoke_HyphenatedOrUpperCaseAlias_UsesCanonicalName(string name)
    {
        var r = await new ToolHarness().Run(name, """{"input":"test data"}""");
        Assert.Equal("hash_calculator", r["metadata"]!["tool"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_DatetimeHandlerAlias_ResolvesToDateTimeHandler()
    {
        var r = await new ToolHarness().Run("datetime-handler", """{"operation":"formats"}""");
        Assert.Equal("date_time_handler", r["metadata"]!["tool"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_UnknownTool_RaisesNotFoundWithNameAsGiven()
    {
        Assert.Equal("Tool 'No-Such' not found", await new ToolHarness().Raises("No-Such", "{}"));
    }

    [Fact]
    public async Task Invoke_ToolDisabledInConfig_RaisesDisabled()
    {
        var h = new ToolHarness("[tools.calculator]\nenabled = false\n");
        Assert.Equal("Tool 'calculator' is disabled by configuration", await h.Raises("calculator", """{"input":"1"}"""));
        Assert.Null(h.Pipeline.Find("calculator"));
        Assert.NotNull(h.Pipeline.Find("hash_calculator"));
    }

    [Fact]
    public async Task Invoke_AllToolsDisabled_RaisesDisabledForEveryBuiltIn()
    {
        var h = new ToolHarness("[tools]\nenabled = false\n");
        Assert.Empty(h.Pipeline.List());
        Assert.Equal("Tool 'hash-calculator' is disabled by configuration", await h.Raises("hash-calculator", "{}"));
    }

    [Fact]
    public async Task Invoke_BeyondRateLimit_RaisesRateLimitExceeded()
    {
        var h = new ToolHarness("[tools]\nrate_limit_per_minute = 2\n");
        await h.Run("calculator", """{"input":"1"}""");
        await h.Run("calculator", """{"input":"1"}""");
        Assert.Equal("Tool 'calculator' failed: rate limit exceeded (2 per minute)", await h.Raises("calculator", """{"input":"1"}"""));
    }

    [Fact]
    public async Task Invoke_UnknownParameters_AreIgnored()
    {
        var r = await new ToolHarness().Result("text_manipulator", """{"operation":"uppercase","input":"ab","timeout_ms":5,"zzz":[1]}""");
        Assert.Equal("AB", r["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_MissingRequired_RaisesInvalidParameters()
    {
        Assert.Equal("Tool 'text_manipulator' invalid parameters: missing required parameter 'input'",
            await new ToolHarness().Raises("text_manipulator", """{"operation":"uppercase"}"""));
    }

    [Fact]
    public async Task Invoke_EnumMismatch_ListsAllowedValues()
    {
        Assert.Equal("Tool 'hash_calculator' invalid parameters: parameter 'algorithm': expected one of md5, sha1, sha256, sha384, sha512, got 'crc'",
            await new ToolHarness().Raises("hash_calculator", """{"input":"x","algorithm":"crc"}"""));
    }

    [Fact]
    public async Task Invoke_WrongType_RaisesExpectedType()
    {
        Assert.Equal("Tool 'diff_calculator' invalid parameters: parameter 'context_lines': expected integer, got string",
            await new ToolHarness().Raises("diff_calculator", """{"old_text":"a","new_text":"b","context_lines":"x"}"""));
    }

    [Fact]
    public async Task Invoke_IntegralFloatForInteger_AndNumberForString_AreAccepted()
    {
        var h = new ToolHarness();
        var diff = await h.Result("diff_calculator", """{"old_text":"a","new_text":"b","context_lines":2.0}""");
        Assert.Equal(1, diff["stats"]!["added"]!.GetValue<int>());
        var text = await h.Result("text_manipulator", """{"operation":"reverse","input":123}""");
        Assert.Equal("321", text["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_SlowTool_TimesOutWithMilliseconds()
    {
        var services = ToolTestServices.Create();
        var registry = new ToolRegistry([new SlowTool()], _ => true);
        using var pipeline = new ToolPipeline(registry, services, new SecurityAuditLog(TimeProvider.System));
        var ex = await Assert.ThrowsAsync<ScriptException>(() => pipeline.InvokeAsync("slow", [], ToolCaller.Script, TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken));
        Assert.Equal("Tool 'slow' failed: timed out after 50 ms", ex.Message);
    }

    [Fact]
    public async Task Invoke_ToolThrowsPlainException_MessageHasNoTypeName()
    {
        var services = ToolTestServices.Create();
        using var pipeline = new ToolPipeline(new ToolRegistry([new ThrowingTool()], _ => true), services, new SecurityAuditLog(TimeProvider.System));
        var ex = await Assert.ThrowsAsync<ScriptException>(() => pipeline.InvokeAsync("thrower", [], ToolCaller.Script, null, TestContext.Current.CancellationToken));
        Assert.Equal("Tool 'thrower' failed: disk on fire", ex.Message);
    }

    [Fact]
    public async Task Invoke_SandboxRefusal_IsRecordedAsSecurityEvent()
    {
        var h = new ToolHarness();
        var message = await h.Raises("hash_calculator", """{"file":"/etc/passwd"}""");
        Assert.StartsWith("Tool 'hash_calculator' failed: security violation: ", message, StringComparison.Ordinal);
        var evt = Assert.Single(h.Audit.Events());
        Assert.Equal("hash_calculator", evt.Tool);
        Assert.Equal("script", evt.Caller.Kind);
    }

    [Fact]
    public async Task Invoke_Metadata_HasToolAndIntegerExecutionTime()
    {
        var r = await new ToolHarness().Run("uuid_generator", "{}");
        var meta = (JsonObject)r["metadata"]!;
        Assert.Equal("uuid_generator", meta["tool"]!.GetValue<string>());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, meta["execution_time_ms"]!.GetValueKind());
        _ = meta["execution_time_ms"]!.GetValue<long>();
    }

    [Fact]
    public async Task Invoke_ManyConcurrentCalls_AllSucceed()
    {
        var h = new ToolHarness();
        var tasks = Enumerable.Range(0, 64).Select(i => h.Result("calculator", $$"""{"input":"{{i}} * 2"}"""));
        var results = await Task.WhenAll(tasks);
        Assert.Equal(Enumerable.Range(0, 64).Select(i => (long)i * 2), results.Select(r => r["result"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Interceptor_SeesStagesInOrder()
    {
        var h = new ToolHarness();
        var recorder = new RecordingInterceptor();
        h.Pipeline.AddInterceptor(recorder);
        await h.Run("calculator", """{"input":"1"}""");
        await h.Raises("text_manipulator", "{}");
        Assert.Equal(["validate:calculator", "before:calculator", "after:calculator", "validate:text_manipulator", "error:text_manipulator"], recorder.Stages);
    }

    [Fact]
    public async Task Interceptor_CanModifyParametersAndReplaceExecution()
    {
        var h = new ToolHarness();
        h.Pipeline.AddInterceptor(new RewritingInterceptor());
        var r = await h.Result("calculator", """{"input":"1 + 1"}""");
        Assert.Equal(6L, r["result"]!.GetValue<long>());
        var replaced = await h.Run("uuid_generator", "{}");
        Assert.Equal("replaced", replaced["text"]!.GetValue<string>());
        Assert.Equal("uuid_generator", replaced["metadata"]!["tool"]!.GetValue<string>());
    }

    private sealed class RewritingInterceptor : IToolInterceptor
    {
        public Task BeforeExecutionAsync(ToolInvocation invocation, CancellationToken cancellationToken)
        {
            if (invocation.Descriptor.Name == "calculator")
            {
                invocation.Parameters["input"] = "2 * 3";
            }
            else
            {
                invocation.Output = ComponentOutput.Prose("replaced");
            }

            return Task.CompletedTask;
        }
    }

    private sealed class RecordingInterceptor : IToolInterceptor
    {
        public List<string> Stages { get; } = [];

        public Task BeforeValidationAsync(ToolInvocation invocation, CancellationToken cancellationToken) => Add("validate", invocation);

        public Task BeforeExecutionAsync(ToolInvocation invocation, CancellationToken cancellationToken) => Add("before", invocation);

        public Task AfterExecutionAsync(ToolInvocation invocation, CancellationToken cancellationToken) => Add("after", invocation);

        public Task OnErrorAsync(ToolInvocation invocation, CancellationToken cancellationToken) => Add("error", invocation);

        private Task Add(string stage, ToolInvocation invocation)
        {
            Stages.Add($"{stage}:{invocation.Descriptor.Name}");
            return Task.CompletedTask;
        }
    }

    private sealed class SlowTool : ITool
    {
        public ToolDescriptor Descriptor { get; } = new() { Name = "slow", Description = "sleeps", Category = "custom" };

        public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            return ComponentOutput.Prose("done");
        }
    }

    private sealed class ThrowingTool : ITool
    {
        public ToolDescriptor Descriptor { get; } = new() { Name = "thrower", Description = "throws", Category = "custom" };

        public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken) =>
            throw new IOException("disk on fire");
    }
}
