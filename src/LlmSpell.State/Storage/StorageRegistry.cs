namespace LlmSpell.State.Storage;

/// <summary>The backends available to a run, looked up by configuration name ("file" is an alias of "sqlite").</summary>
public sealed class StorageRegistry(IEnumerable<IStorageProvider> providers)
{
    private readonly Dictionary<string, IStorageProvider> _providers = providers.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>Names of the registered backends.</summary>
    public IReadOnlyCollection<string> Names => _providers.Keys;

    /// <summary>Opens the named backend.</summary>
    /// <exception cref="StorageException">Unknown backend or open failure.</exception>
    public IStorageBackend Open(string name, StorageOptions options)
    {
        var key = name == "file" ? "sqlite" : name;
        return _providers.TryGetValue(key, out var provider)
            ? provider.Open(options)
            : throw new StorageException($"storage backend '{name}' is not available (known: {string.Join(", ", _providers.Keys.Order(StringComparer.Ordinal))})");
    }
}
