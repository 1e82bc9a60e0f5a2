namespace LlmSpell.Hooks;

/// <summary>A registered hook (the script's <c>HookHandle</c>).</summary>
public interface IHookRegistration
{
    string Id { get; }

    HookPoint Point { get; }

    int Priority { get; }

    string Language { get; }

    /// <summary>False once unregistered or disabled by the circuit breaker.</summary>
    bool IsActive { get; }

    /// <summary>True when it was registered until now.</summary>
    bool Unregister();
}
