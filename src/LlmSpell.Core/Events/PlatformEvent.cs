using System.Text.Json.Nodes;

namespace LlmSpell.Events;

/// <summary>
/// A typed event on the run's bus (behaviours.md §9). System events are subclasses
/// (<c>ToolCompleted</c>, <c>ProviderRetry</c>, <c>WorkflowStepStarted</c>, ...) that know their type
/// name and how to render their <c>data</c>; script events (<c>Event.publish</c>) carry their data as given.
/// </summary>
public abstract record PlatformEvent
{
    /// <summary>The dot-separated type (<c>agent.completed</c>).</summary>
    public abstract string EventType { get; }

    /// <summary>The publishing component's name, or "script".</summary>
    public string Source { get; init; } = "system";

    /// <summary>The operation's correlation id; null: the bus assigns a new one.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The <c>data</c> field as scripts see it. <paramref name="timing"/> false omits <c>duration_ms</c>
    /// (<c>events.emit_timing_events = false</c>).</summary>
    public abstract JsonNode? ToData(bool timing);
}
