namespace LlmSpell.Hooks;

/// <summary>The rest of the chain after a hook: later hooks, then the terminal (which returns the data as it arrived).</summary>
public delegate ValueTask<HookResult> HookNext(HookContext context, CancellationToken cancellationToken);

/// <summary>
/// One interceptor at a hook point, as middleware (the <c>DelegatingChatClient</c> shape): it may
/// pass the context on (unchanged or with modified data) by calling <paramref name="next"/>, or end
/// the chain by returning its own result without calling it. C# hooks and Lua hooks implement this
/// same interface and join the same pipeline.
/// </summary>
public interface IHook
{
    ValueTask<HookResult> InvokeAsync(HookContext context, HookNext next, CancellationToken cancellationToken);
}
