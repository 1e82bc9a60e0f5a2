using System.Collections.Immutable;

namespace LlmSpell.Agents;

/// <summary>
/// The agents whose execute is in progress along the current async flow (script → agent → tool
/// call → wrapped agent → …). An agent serves one execute at a time, so an agent reached again
/// through its own wrapped tool would wait for itself until the time limit; the wrapped tool checks
/// this chain and fails at once instead.
/// </summary>
internal static class AgentCallChain
{
    private static readonly AsyncLocal<ImmutableHashSet<LlmAgent>?> Active = new();

    /// <summary>Marks <paramref name="agent"/> as running for the rest of the calling async method and what it awaits.</summary>
    /// <remarks>Call from inside an async method: the value then flows into awaited work (tool calls on
    /// worker threads) and is dropped when the method returns.</remarks>
    public static void Enter(LlmAgent agent) => Active.Value = (Active.Value ?? []).Add(agent);

    /// <summary>True when <paramref name="agent"/> is already executing further up this flow.</summary>
    public static bool Contains(LlmAgent agent) => Active.Value?.Contains(agent) == true;
}
