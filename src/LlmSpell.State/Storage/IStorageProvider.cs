namespace LlmSpell.State.Storage;

/// <summary>Opens one kind of backend; providers are registered by name in <see cref="StorageRegistry"/>.</summary>
public interface IStorageProvider
{
    /// <summary>The configuration name (<c>backend_type</c> / <c>storage_backend</c> value).</summary>
    string Name { get; }

    /// <summary>Opens (creating schema as needed) a backend.</summary>
    /// <exception cref="StorageException">The store cannot be opened.</exception>
    IStorageBackend Open(StorageOptions options);
}
