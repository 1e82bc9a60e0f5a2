using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Scripting;

namespace LlmSpell.Tools.Tests.Pipeline;

/// <summary>Tools registered by C# services through <see cref="IToolRegistrar"/> (the pipeline).</summary>
public sealed class ToolRegistrarTests
{
    private static readonly ToolDescriptor Shout = new()
    {
        Name = "shout",
        Description = "Upper-cases its input",
        Category = "agent",
        SecurityLevel = "restricted",
        Parameters = [new ToolParameter("input", "string", "text", Required: true, Aliases: ["text"])],
    };

    [Fact]
    public async Task TryRegister_ServiceTool_ListedAndInvokedThroughPipelineWithAliasesResolved()
    {
        var h = new ToolHarness();
        IToolRegistrar registrar = h.Pipeline;
        ToolCaller? seen = null;

        Assert.True(registrar.TryRegister(Shout, (p, caller, _) =>
        {
            seen = caller;
            return Task.FromResult(ComponentOutput.Envelope(new JsonObject { ["success"] = true, ["result"] = p["input"]!.ToString().ToUpperInvariant() }));
        }));
        var r = await h.Run("shout", """{"text":"hi"}""");

        Assert.Equal("HI", r["result"]!.ToString());
        Assert.Equal("shout", r["metadata"]!["tool"]!.ToString());
        Assert.Equal("script", seen!.Kind);
        Assert.Contains(h.Pipeline.List(), d => d.Name == "shout" && d.Category == "agent");
    }

    [Fact]
    public async Task TryRegister_MissingRequiredParameter_RejectedByValidationBeforeRunning()
    {
        var h = new ToolHarness();
        var ran = false;
        h.Pipeline.TryRegister(Shout, (_, _, _) => { ran = true; return Task.FromResult(ComponentOutput.Prose("")); });

        Assert.StartsWith("Tool 'shout' invalid parameters", await h.Raises("shout", "{}"), StringComparison.Ordinal);
        Assert.False(ran);
    }

    [Fact]
    public async Task TryRegister_RunThrows_FailsWithToolPrefixedMessage()
    {
        var h = new ToolHarness();
        h.Pipeline.TryRegister(Shout, (_, _, _) => throw new ScriptException("Agent 'x' failed: boom"));

        Assert.Equal("Tool 'shout' failed: Agent 'x' failed: boom", await h.Raises("shout", """{"input":"a"}"""));
    }

    [Fact]
    public async Task TryRegister_SlowRun_StoppedAtTimeLimitWithCancellation()
    {
        var h = new ToolHarness();
        var cancelled = new TaskCompletionSource();
        h.Pipeline.TryRegister(Shout, async (_, _, ct) =>
        {
            ct.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, ct);
            return ComponentOutput.Prose("");
        });

        Assert.Equal("Tool 'shout' failed: timed out after 100 ms", await h.Raises("shout", """{"input":"a"}""", TimeSpan.FromMilliseconds(100)));
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public void TryRegister_TakenNameOrBuiltIn_FalseAndUnregisterRefusesBuiltIns()
    {
        var h = new ToolHarness();
        Task<ComponentOutput> Run(JsonObject p, ToolCaller c, CancellationToken t) => Task.FromResult(ComponentOutput.Prose(""));

        Assert.True(h.Pipeline.TryRegister(Shout, Run));
        Assert.False(h.Pipeline.TryRegister(Shout, Run));
        Assert.False(h.Pipeline.TryRegister(Shout with { Name = "hash-calculator" }, Run));
        Assert.False(h.Pipeline.Unregister("calculator"));
        Assert.True(h.Pipeline.Unregister("shout"));
        Assert.Null(h.Pipeline.Find("shout"));
        Assert.False(h.Pipeline.Unregister("shout"));
    }
}
