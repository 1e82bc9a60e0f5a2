namespace LlmSpell.State.Sessions;

/// <summary>A session or artifact rule violation; the message follows <c>Session.&lt;fn&gt;: </c>.</summary>
public sealed class SessionException : Exception
{
    public SessionException(string message)
        : base(message)
    {
    }

    public SessionException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public SessionException()
    {
    }
}
