using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Tools.Infrastructure;

/// <summary>One validated invocation: parameters, caller and the run's shared services.</summary>
public sealed class ToolRequest(string toolName, JsonObject parameters, ToolCaller caller, ToolServices services)
{
    public string ToolName { get; } = toolName;

    public JsonObject Parameters { get; } = parameters;

    public ToolCaller Caller { get; } = caller;

    public ToolServices Services { get; } = services;

    public JsonNode? this[string name] => Parameters[name];

    /// <summary>A string parameter (numbers are given as their text), or null.</summary>
    public string? String(string name) => Parameters[name] switch
    {
        null => null,
        JsonValue v when JsonValues.AsString(v) is { } s => s,
        JsonValue v when JsonValues.IsNumber(v) => JsonText.Compact(v),
        var other => JsonText.Compact(other),
    };

    /// <summary>A required string parameter; missing raises <c>invalid parameters: missing required parameter '&lt;name&gt;'</c>.</summary>
    public string RequireString(string name) =>
        String(name) ?? throw ToolFailureException.InvalidParameters($"missing required parameter '{name}'");

    public long? Integer(string name) => JsonValues.AsInteger(Parameters[name]);

    public double? Number(string name) => JsonValues.AsDouble(Parameters[name]);

    public bool? Bool(string name) => JsonValues.AsBool(Parameters[name]);

    public bool Flag(string name, bool fallback = false) => Bool(name) ?? fallback;

    public JsonObject? Object(string name) => Parameters[name] as JsonObject;

    public JsonArray? Array(string name) => Parameters[name] switch
    {
        JsonArray a => a,
        JsonObject { Count: 0 } => [],
        _ => null,
    };

    /// <summary>The operation parameter, lower-cased and trimmed.</summary>
    public string? Operation => String("operation")?.Trim().ToLowerInvariant();
}
