using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools;

namespace LlmSpell.Providers.Tests;

/// <summary>A hand-written tool invoker: <c>echo_tool</c> returns its text in an envelope; <c>slow_tool</c> waits; <c>fail_tool</c> raises.</summary>
internal sealed class FakeToolInvoker : IToolInvoker
{
    private int _active;

    public int MaxConcurrent { get; private set; }

    public List<(string Name, JsonObject Params, ToolCaller Caller)> Calls { get; } = [];

    public ToolDescriptor? Find(string name) => List().FirstOrDefault(d => d.Name == name.Replace('-', '_'));

    public IReadOnlyList<ToolDescriptor> List() =>
    [
        new() { Name = "echo_tool", Description = "Echoes text", Category = "utility",
            Parameters = [new("text", "string", "Text to echo", Required: true), new("mode", "string", "Mode", Enum: ["plain", "loud"])] },
        new() { Name = "fail_tool", Description = "Always fails", Category = "utility" },
        new() { Name = "slow_tool", Description = "Sleeps briefly", Category = "utility" },
    ];

    public async Task<ComponentOutput> InvokeAsync(string name, JsonObject parameters, ToolCaller caller, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        lock (Calls)
        {
            Calls.Add((name, parameters, caller));
        }

        var now = Interlocked.Increment(ref _active);
        MaxConcurrent = Math.Max(MaxConcurrent, now);
        try
        {
            if (name == "slow_tool")
            {
                await Task.Delay(200, cancellationToken);
            }

            if (name == "fail_tool")
            {
                throw new Scripting.ScriptException("Tool 'fail_tool' failed: boom");
            }

            return ComponentOutput.Envelope(new JsonObject
            {
                ["operation"] = "echo", ["success"] = true, ["result"] = new JsonObject { ["text"] = parameters["text"]?.ToString() },
            });
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }
}
