namespace LlmSpell.State.Storage;

/// <summary>
/// Documents by (collection, id) plus content-addressed blobs: what sessions and artifacts are
/// stored in. One implementation per backend; the session and artifact logic is backend-neutral.
/// </summary>
public interface IRecordStore
{
    /// <summary>Inserts or replaces a document.</summary>
    Task PutAsync(string collection, string id, string json, CancellationToken cancellationToken);

    /// <summary>A document, or null.</summary>
    Task<string?> GetAsync(string collection, string id, CancellationToken cancellationToken);

    /// <summary>Documents whose id starts with <paramref name="idPrefix"/>, ordered by id.</summary>
    Task<IReadOnlyList<string>> ListAsync(string collection, string idPrefix, CancellationToken cancellationToken);

    /// <summary>Number of documents in a collection.</summary>
    Task<long> CountAsync(string collection, CancellationToken cancellationToken);

    /// <summary>Deletes a document; true when it existed.</summary>
    Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken);

    /// <summary>Stores a blob once per hash (a second put of the same hash is a no-op).</summary>
    Task PutBlobAsync(string hash, byte[] data, bool compressed, CancellationToken cancellationToken);

    /// <summary>A blob and whether it is compressed, or null.</summary>
    Task<(byte[] Data, bool Compressed)?> GetBlobAsync(string hash, CancellationToken cancellationToken);

    /// <summary>Deletes a blob.</summary>
    Task DeleteBlobAsync(string hash, CancellationToken cancellationToken);
}
