namespace LlmSpell.Security;

/// <summary>A key store operation failed: unreadable file, unknown service, invalid name. The message never contains a key.</summary>
public sealed class KeyStoreException : Exception
{
    public KeyStoreException()
    {
    }

    public KeyStoreException(string message)
        : base(message)
    {
    }

    public KeyStoreException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
