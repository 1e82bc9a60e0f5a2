using System.Globalization;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Scripting;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Values;

namespace LlmSpell.Tools.Pipeline;

/// <summary>
/// A Lua-defined tool (behaviours.md §3.2). The function runs on the script thread: calls from
/// worker threads are queued there by <see cref="IScriptFunction"/>.
/// </summary>
internal sealed class ScriptTool(ToolDescriptor descriptor, IScriptFunction function) : ITool
{
    public ToolDescriptor Descriptor { get; } = descriptor;

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var context = new JsonObject { ["tool"] = Descriptor.Name, ["caller"] = request.Caller.Kind };
        AddIfSet(context, "workflow", request.Caller.Workflow);
        AddIfSet(context, "execution_id", request.Caller.ExecutionId);
        AddIfSet(context, "step", request.Caller.Step);
        AddIfSet(context, "agent", request.Caller.Agent);
        object? result;
        try
        {
            result = function.CallWithCancellation(cancellationToken, request.Parameters, context);
        }
        catch (ScriptCallbackException ex)
        {
            throw ToolFailureException.Failed(ex.Message);
        }

        return Task.FromResult(ToOutput(result));
    }

    /// <summary>The return-value rule of behaviours.md §3.2.</summary>
    internal static ComponentOutput ToOutput(object? result) => Unwrap(result) switch
    {
        null => ComponentOutput.Prose(string.Empty),
        string s => ComponentOutput.Prose(s),
        bool b => ComponentOutput.Prose(b ? "true" : "false"),
        long l => ComponentOutput.Prose(l.ToString(CultureInfo.InvariantCulture)),
        double d => ComponentOutput.Prose(LuaNumberText(d)),
        JsonObject o when o.ContainsKey("success") || o.ContainsKey("result") || o.ContainsKey("operation") => ComponentOutput.Envelope(o),
        JsonNode n => ComponentOutput.Json(n),
        var other => ComponentOutput.Prose(other.ToString() ?? string.Empty),
    };

    // Engines may hand scalars back as JSON values; the rule is about the script's value type.
    private static object? Unwrap(object? result) => result switch
    {
        JsonValue v => JsonValues.Classify(v) switch
        {
            ValueKind.Null => null,
            ValueKind.String => JsonValues.AsString(v),
            ValueKind.Boolean => JsonValues.AsBool(v),
            ValueKind.Integer => JsonValues.AsInteger(v),
            ValueKind.Float => JsonValues.AsDouble(v),
            _ => v,
        },
        _ => result,
    };

    // Lua's tostring for floats: "%.14g", with ".0" on integral values.
    private static string LuaNumberText(double d)
    {
        if (double.IsNaN(d))
        {
            return d.ToString(CultureInfo.InvariantCulture) == "NaN" ? "nan" : "-nan";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "inf" : "-inf";
        }

        var text = d.ToString("G14", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text.Replace("E", "e", StringComparison.Ordinal) : text + ".0";
    }

    private static void AddIfSet(JsonObject o, string key, string? value)
    {
        if (value is not null)
        {
            o[key] = value;
        }
    }
}
