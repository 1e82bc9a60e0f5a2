namespace LlmSpell.State;

/// <summary>A State rule violation; the message is the reason after <c>State.&lt;fn&gt;: </c>.</summary>
public sealed class StateException : Exception
{
    public StateException(string message)
        : base(message)
    {
    }

    public StateException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public StateException()
    {
    }
}
