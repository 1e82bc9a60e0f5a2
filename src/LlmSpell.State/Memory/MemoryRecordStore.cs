using LlmSpell.State.Storage;

namespace LlmSpell.State.Memory;

/// <summary>In-process documents and blobs (sessions and artifacts that last for the run).</summary>
internal sealed class MemoryRecordStore : IRecordStore
{
    private readonly object _gate = new();
    private readonly SortedDictionary<string, string> _docs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (byte[] Data, bool Compressed)> _blobs = new(StringComparer.Ordinal);

    private static string Id(string collection, string id) => collection + "\u0000" + id;

    public Task PutAsync(string collection, string id, string json, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _docs[Id(collection, id)] = json;
        }

        return Task.CompletedTask;
    }

    public Task<string?> GetAsync(string collection, string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_docs.GetValueOrDefault(Id(collection, id)));
        }
    }

    public Task<IReadOnlyList<string>> ListAsync(string collection, string idPrefix, CancellationToken cancellationToken)
    {
        var prefix = Id(collection, idPrefix);
        lock (_gate)
        {
            IReadOnlyList<string> docs = [.. _docs.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(kv => kv.Value)];
            return Task.FromResult(docs);
        }
    }

    public Task<long> CountAsync(string collection, CancellationToken cancellationToken)
    {
        var prefix = Id(collection, "");
        lock (_gate)
        {
            return Task.FromResult((long)_docs.Keys.Count(k => k.StartsWith(prefix, StringComparison.Ordinal)));
        }
    }

    public Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_docs.Remove(Id(collection, id)));
        }
    }

    public Task PutBlobAsync(string hash, byte[] data, bool compressed, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _blobs.TryAdd(hash, (data, compressed));
        }

        return Task.CompletedTask;
    }

    public Task<(byte[] Data, bool Compressed)?> GetBlobAsync(string hash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<(byte[], bool)?>(_blobs.TryGetValue(hash, out var b) ? b : null);
        }
    }

    public Task DeleteBlobAsync(string hash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _blobs.Remove(hash);
        }

        return Task.CompletedTask;
    }
}
