namespace LlmSpell.Agents;

/// <summary>
/// The agents whose execute is in progress along the current async flow (script → agent → tool
/// call → wrapped agent → …). An agent serves one execute at a time, so an agent reached again
/// through its own wrapped tool would wait for itself until the time limit; the wrapped tool checks
/// this chain and fails at once instead.
/// </summary>
internal static class AgentCallChain
{
    // An immutable chain (callee → caller): chains are a few agents deep, so a walk beats a hash set
    // and entering costs one small node.
    private static readonly AsyncLocal<Link?> Active = new();

    /// <summary>Marks <paramref name="agent"/> as running for the rest of the calling async method and what it awaits.</summary>
    /// <remarks>Call from inside an async method: the value then flows into awaited work (tool calls on
    /// worker threads) and is dropped when the method returns.</remarks>
    public static void Enter(LlmAgent agent) => Active.Value = new Link(agent, Active.Value);

    /// <summary>True when <paramref name="agent"/> is already executing further up this flow.</summary>
    public static bool Contains(LlmAgent agent)
    {
        for (var link = Active.Value; link is not null; link = link.Caller)
        {
            if (ReferenceEquals(link.Agent, agent))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Link(LlmAgent Agent, Link? Caller);
}
