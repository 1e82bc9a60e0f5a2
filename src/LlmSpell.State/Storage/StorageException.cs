namespace LlmSpell.State.Storage;

/// <summary>A backend failure, with a reason fit for users (<c>State.save: storage error: &lt;reason&gt;</c>).</summary>
public sealed class StorageException : Exception
{
    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public StorageException()
    {
    }
}
