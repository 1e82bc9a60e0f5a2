namespace LlmSpell.State.Storage;

/// <summary>
/// The key/value table behind the <c>State</c> global (behaviours.md §6.2): rows
/// <c>(key, value JSON, version, updated_at)</c>. Every call is atomic and durable when it returns.
/// Values are opaque JSON text here; the key model and value rules live in <see cref="StateService"/>.
/// </summary>
public interface IStateStore
{
    /// <summary>The row under <paramref name="key"/>, or null.</summary>
    Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes unconditionally and returns the new version.</summary>
    Task<long> PutAsync(string key, string json, CancellationToken cancellationToken);

    /// <summary>
    /// Optimistic write: succeeds only when the current version equals <paramref name="expectedVersion"/>
    /// (0 = the key must be absent). <paramref name="json"/> null deletes. Returns the new version
    /// (0 after a delete), or null when another writer got there first.
    /// </summary>
    Task<long?> TryPutAsync(string key, string? json, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes a key; true when it existed.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Keys starting with <paramref name="prefix"/>, sorted ordinally.</summary>
    Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Earlier and current versions of a key, newest first (at most <paramref name="limit"/>).</summary>
    Task<IReadOnlyList<StateEntry>> HistoryAsync(string key, int limit, CancellationToken cancellationToken);

    /// <summary>Every row (for backups and migrations).</summary>
    Task<IReadOnlyList<StateEntry>> SnapshotAsync(CancellationToken cancellationToken);

    /// <summary>Applies all writes in one transaction: all or nothing.</summary>
    Task ApplyBatchAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken);
}
