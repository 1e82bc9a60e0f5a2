using LlmSpell.Runtime;

namespace LlmSpell.Tools.Pipeline;

/// <summary>
/// The run's record of security refusals. The tool pipeline appends to it; a later event bus
/// publishes from <see cref="Recorded"/>. Kept in memory because a run is short-lived.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class SecurityAuditLog(TimeProvider time, Action<string>? log = null)
{
    private readonly List<SecurityEvent> _events = [];

    /// <summary>Raised after an event is recorded (on the recording thread).</summary>
    public event Action<SecurityEvent>? Recorded;

    /// <summary>Creates the log of a run, writing each event as a debug line.</summary>
    public static SecurityAuditLog For(RunContext context) => new(context.Time, m => context.Log(1, m));

    /// <summary>Records a refusal.</summary>
    public void Record(string tool, ToolCaller caller, string reason)
    {
        var evt = new SecurityEvent(time.GetUtcNow(), tool, caller, reason);
        lock (_events)
        {
            _events.Add(evt);
        }

        log?.Invoke($"security: tool '{tool}' ({caller.Kind}) refused: {reason}");
        Recorded?.Invoke(evt);
    }

    /// <summary>Events recorded so far, oldest first, optionally for one tool.</summary>
    public IReadOnlyList<SecurityEvent> Events(string? tool = null)
    {
        lock (_events)
        {
            return tool is null ? [.. _events] : [.. _events.Where(e => e.Tool == tool)];
        }
    }
}
