namespace LlmSpell.Agents;

/// <summary>An agent failure whose message is the full user-facing text (<c>Agent 'x' failed: …</c>).</summary>
public sealed class AgentException : Exception
{
    public AgentException()
    {
    }

    public AgentException(string message)
        : base(message)
    {
    }

    public AgentException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
