namespace LlmSpell.Events;

/// <summary>
/// The run's one event bus (notification, never interception: hooks are <see cref="Hooks.IHookPipeline"/>).
/// Publishing never blocks on subscribers and never throws for a subscriber's failure.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public interface IEventBus
{
    /// <summary>False when <c>events.enabled = false</c>; publishers may skip building events then.</summary>
    bool IsEnabled { get; }

    /// <summary>Publishes; false when the event was dropped (disabled, filtered, rate limited).</summary>
    bool Publish(PlatformEvent platformEvent);
}
