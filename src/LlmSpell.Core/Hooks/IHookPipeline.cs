namespace LlmSpell.Hooks;

/// <summary>
/// The run's one hook pipeline. Operations (tools, agents, workflows, the system) fire their
/// points through it and honour the result as behaviours.md §5.3/§5.4 say; the pipeline handles
/// ordering by priority, failures, time limits and the circuit breaker (§5.5), the "no hooks inside
/// a hook" rule (§5.1) and session recording (§5.6).
/// </summary>
/// <remarks>Thread-safe. Lua hooks are marshalled to the script thread by their adapter.</remarks>
public interface IHookPipeline
{
    /// <summary>True when at least one active hook is registered at <paramref name="point"/> and hooks
    /// are enabled; callers skip building a context otherwise (the no-hooks path must cost nothing).</summary>
    bool HasHooks(HookPoint point);

    /// <summary>Runs the chain of <paramref name="context"/>'s point. Never throws for a hook's own failure
    /// unless <c>hooks.fail_on_error</c> is set (then <see cref="HookFailedException"/>).</summary>
    ValueTask<HookResult> FireAsync(HookContext context, CancellationToken cancellationToken = default);

    /// <summary>Adds a hook; lower priority values run first, ties in registration order (§5.1).</summary>
    IHookRegistration Register(HookPoint point, IHook hook, int priority = 0, string language = "csharp");
}
