using Microsoft.Extensions.AI;

namespace LlmSpell.Providers.Clients;

/// <summary>An in-memory response cache with a TTL and an entry cap (oldest entries evicted first).</summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class ResponseCache(TimeSpan ttl, int maxEntries, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (ChatResponse Response, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(string key, out ChatResponse response)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var e) && e.Expires > time.GetUtcNow())
            {
                response = e.Response;
                return true;
            }

            _entries.Remove(key);
            response = null!;
            return false;
        }
    }

    public void Set(string key, ChatResponse response)
    {
        lock (_gate)
        {
            if (!_entries.ContainsKey(key))
            {
                _order.Enqueue(key);
            }

            _entries[key] = (response, time.GetUtcNow() + ttl);
            while (_entries.Count > Math.Max(1, maxEntries) && _order.TryDequeue(out var old))
            {
                _entries.Remove(old);
            }
        }
    }
}
