using LlmSpell.State.Storage;

namespace LlmSpell.State.Memory;

/// <summary>The in-process state table: one lock, the same versioning and history rules as the SQL backends.</summary>
internal sealed class MemoryStateStore(TimeProvider time) : IStateStore
{
    private readonly object _gate = new();
    private readonly SortedDictionary<string, StateEntry> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StateEntry>> _history = new(StringComparer.Ordinal);

    public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.GetValueOrDefault(key));
        }
    }

    public Task<long> PutAsync(string key, string json, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(WriteLocked(key, json));
        }
    }

    public Task<long?> TryPutAsync(string key, string? json, long expectedVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var current = _rows.GetValueOrDefault(key)?.Version ?? 0;
            if (current != expectedVersion)
            {
                return Task.FromResult<long?>(null);
            }

            if (json is null)
            {
                _rows.Remove(key);
                return Task.FromResult<long?>(0);
            }

            return Task.FromResult<long?>(WriteLocked(key, json));
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.Remove(key));
        }
    }

    public Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<string> keys = [.. _rows.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))];
            return Task.FromResult(keys);
        }
    }

    public Task<IReadOnlyList<StateEntry>> HistoryAsync(string key, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<StateEntry> list = _history.TryGetValue(key, out var h) ? [.. h.AsEnumerable().Reverse().Take(limit)] : [];
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<StateEntry>> SnapshotAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<StateEntry> all = [.. _rows.Values];
            return Task.FromResult(all);
        }
    }

    public Task ApplyBatchAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var w in writes)
            {
                if (w.Json is null)
                {
                    _rows.Remove(w.Key);
                }
                else
                {
                    WriteLocked(w.Key, w.Json);
                }
            }
        }

        return Task.CompletedTask;
    }

    private long WriteLocked(string key, string json)
    {
        if (!_history.TryGetValue(key, out var history))
        {
            history = [];
            _history[key] = history;
        }

        var version = (history.Count == 0 ? 0 : history[^1].Version) + 1;
        var entry = new StateEntry(key, json, version, time.GetUtcNow());
        _rows[key] = entry;
        history.Add(entry);
        if (history.Count > StateHistory.Retained)
        {
            history.RemoveAt(0);
        }

        return version;
    }
}
