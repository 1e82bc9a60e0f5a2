using System.Text.Json.Nodes;
using LlmSpell.Runtime;
using LlmSpell.Scripting;
using LlmSpell.Tools.Pipeline;
using LlmSpell.Values;

namespace LlmSpell.Tools.Scripting;

/// <summary><c>Tool.batch</c>: several invocations, optionally in parallel; failures become entries, never errors.</summary>
internal sealed class ToolBatch(ToolPipeline pipeline, RunContext context)
{
    public JsonArray Run(ScriptArgs args)
    {
        var calls = args.Table(0, "calls") switch
        {
            JsonArray a => a,
            JsonObject { Count: 0 } => [],
            _ => throw args.BadArgument(0, "calls", "array"),
        };
        var opts = args.OptObject(1, "opts") ?? [];
        var parallel = JsonValues.AsBool(opts["parallel"]) ?? false;
        var maxConcurrency = (int)Math.Clamp(JsonValues.AsInteger(opts["max_concurrency"]) ?? 4, 1, 64);
        var stopOnError = JsonValues.AsBool(opts["stop_on_error"]) ?? false;
        var results = new JsonObject?[calls.Count];
        var stop = 0;
        using var gate = new SemaphoreSlim(parallel ? maxConcurrency : 1);

        async Task RunOne(int index)
        {
            await gate.WaitAsync(context.Cancellation).ConfigureAwait(false);
            try
            {
                if (Volatile.Read(ref stop) != 0)
                {
                    results[index] = Failed("not executed");
                    return;
                }

                results[index] = await InvokeOne(calls[index]).ConfigureAwait(false);
                if (stopOnError && results[index]!["success"]!.GetValue<bool>() == false)
                {
                    Interlocked.Exchange(ref stop, 1);
                }
            }
            finally
            {
                gate.Release();
            }
        }

        if (parallel)
        {
            context.Dispatcher.Wait(Task.WhenAll(Enumerable.Range(0, calls.Count).Select(i => Task.Run(() => RunOne(i)))));
        }
        else
        {
            for (var i = 0; i < calls.Count; i++)
            {
                context.Dispatcher.Wait(RunOne(i));
            }
        }

        return [.. results.Select(r => (JsonNode?)r)];
    }

    private async Task<JsonObject> InvokeOne(JsonNode? call)
    {
        if (call is not JsonObject spec || (JsonValues.AsString(spec["name"]) ?? JsonValues.AsString(spec["tool"])) is not { } name)
        {
            return Failed("each call needs a tool name ('name')");
        }

        var parameters = spec["params"] as JsonObject ?? [];
        try
        {
            var output = await pipeline.InvokeAsync(name, parameters, ToolCaller.Script, ToolGlobal.TimeoutOf(spec["opts"] as JsonObject), context.Cancellation).ConfigureAwait(false);
            return new JsonObject { ["success"] = true, ["result"] = output.ToScriptValue() };
        }
        catch (ScriptException ex)
        {
            return Failed(ex.Message);
        }
    }

    private static JsonObject Failed(string message) => new() { ["success"] = false, ["error"] = message };
}
