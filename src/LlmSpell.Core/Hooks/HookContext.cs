using System.Text.Json.Nodes;

namespace LlmSpell.Hooks;

/// <summary>
/// What a hook sees at a firing (behaviours.md §5.2). Each Lua callback receives a fresh copy;
/// results travel only through <see cref="HookResult"/>.
/// </summary>
public sealed class HookContext
{
    public HookContext(HookPoint point, string componentType, string componentName, JsonObject data)
    {
        Point = point;
        ComponentType = componentType;
        ComponentName = componentName;
        Data = data;
    }

    public HookPoint Point { get; }

    /// <summary>"Agent", "Tool", "Workflow" or "System".</summary>
    public string ComponentType { get; }

    public string ComponentName { get; }

    /// <summary>Per-point data (behaviours.md §5.3). Middleware that modifies it passes a new context to <c>next</c>.</summary>
    public JsonObject Data { get; init; }

    /// <summary>The operation's correlation id (shared with its events).</summary>
    public string CorrelationId { get; init; } = Guid.NewGuid().ToString();

    /// <summary>caller, workflow, execution_id, step, agent, session_id (strings).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset Timestamp { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>A copy with other data (for middleware that passes modified data on).</summary>
    public HookContext WithData(JsonObject data) => new(Point, ComponentType, ComponentName, data)
    {
        CorrelationId = CorrelationId,
        Metadata = Metadata,
        Timestamp = Timestamp,
    };
}
