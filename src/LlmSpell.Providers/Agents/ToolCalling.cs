using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Providers;
using LlmSpell.Scripting;
using LlmSpell.Tools;
using Microsoft.Extensions.AI;

namespace LlmSpell.Agents;

/// <summary>
/// The tool side of the function-calling loop (behaviours.md §2.6): advertises allowed tools as
/// JSON-Schema functions and runs the calls of one reply concurrently through <see cref="IToolInvoker"/>.
/// </summary>
internal sealed class ToolCalling(string agent, IReadOnlyList<string> allowed, IToolInvoker? invoker, int maxToolCalls, TimeProvider time)
{
    private readonly JsonArray _log = [];
    private int _calls;

    /// <summary>Every call so far: <c>{ tool, arguments, success, error?, duration_ms }</c>.</summary>
    public JsonArray Log => _log;

    public int Count => _calls;

    /// <summary>The function declarations of the allowed tools that exist.</summary>
    public IList<AITool> Declarations()
    {
        if (invoker is null)
        {
            return [];
        }

        var list = new List<AITool>();
        foreach (var name in allowed)
        {
            if (invoker.Find(name) is { } d)
            {
                list.Add(AIFunctionFactory.CreateDeclaration(d.Name, d.Description, Schema(d)));
            }
        }

        return list;
    }

    /// <summary>JSON Schema object for a tool's parameters: types, required and enums.</summary>
    public static JsonElement Schema(ToolDescriptor d)
    {
        var props = new JsonObject();
        var required = new JsonArray();
        foreach (var p in d.Parameters)
        {
            var prop = new JsonObject();
            if (p.Type != "any")
            {
                prop["type"] = p.Type;
            }

            if (p.Type == "array")
            {
                prop["items"] = new JsonObject();
            }

            prop["description"] = p.Description;
            if (p.Enum is { Count: > 0 } e)
            {
                prop["enum"] = new JsonArray([.. e.Select(x => (JsonNode?)x)]);
            }

            props[p.Name] = prop;
            if (p.Required)
            {
                required.Add((JsonNode?)p.Name);
            }
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = props };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        return JsonSerializer.SerializeToElement(schema, ProviderJsonContext.Default.JsonObject);
    }

    /// <summary>Runs the calls of one reply concurrently; results come back in call order.</summary>
    public async Task<IList<AIContent>> RunAsync(IReadOnlyList<FunctionCallContent> calls, CancellationToken cancellationToken)
    {
        // Numbers are assigned in order before anything runs, so the limit is deterministic.
        var numbered = calls.Select(c => (Call: c, Number: ++_calls)).ToList();
        var entries = new JsonObject[numbered.Count];
        var results = await Task.WhenAll(numbered.Select((n, i) => RunOne(n.Call, n.Number, e => entries[i] = e, cancellationToken))).ConfigureAwait(false);
        foreach (var e in entries)
        {
            _log.Add((JsonNode)e);
        }

        return results;
    }

    private async Task<AIContent> RunOne(FunctionCallContent call, int number, Action<JsonObject> record, CancellationToken cancellationToken)
    {
        var args = call.Arguments is null ? new JsonObject() : JsonSerializer.SerializeToNode(call.Arguments, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>))) as JsonObject ?? [];
        var start = time.GetTimestamp();
        string? error = null;
        string output;
        if (number > maxToolCalls)
        {
            error = "tool call limit reached";
        }
        else if (invoker is null || !allowed.Contains(Canonical(call.Name)) || invoker.Find(call.Name) is null)
        {
            error = $"tool '{call.Name}' is not available";
        }

        if (error is null)
        {
            try
            {
                var result = await invoker!.InvokeAsync(call.Name, (JsonObject)args.DeepClone(), ToolCaller.ForAgent(agent), null, cancellationToken).ConfigureAwait(false);
                output = result.Kind == OutputKind.Prose && result.IsFailure ? Error(error = result.FailureMessage ?? result.Text) : result.Text;
            }
            catch (ScriptException ex)
            {
                output = Error(error = ex.Message);
            }
        }
        else
        {
            output = Error(error);
        }

        var entry = new JsonObject
        {
            ["tool"] = call.Name,
            ["arguments"] = args,
            ["success"] = error is null,
        };
        if (error is not null)
        {
            entry["error"] = error;
        }

        entry["duration_ms"] = (long)time.GetElapsedTime(start).TotalMilliseconds;
        record(entry);
        return new FunctionResultContent(call.CallId, output);
    }

    private string Canonical(string name) =>
        invoker?.Find(name)?.Name is { } canonical && allowed.Any(a => invoker.Find(a)?.Name == canonical) ? allowed.First(a => invoker.Find(a)?.Name == canonical) : name;

    private static string Error(string message) => Values.JsonText.Compact(new JsonObject { ["error"] = message });
}
