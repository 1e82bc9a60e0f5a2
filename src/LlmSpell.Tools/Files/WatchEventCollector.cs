using System.Globalization;
using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Files;

/// <summary>Collects watcher events (thread-safe), dropping repeats of the same event on the same path within the debounce window.</summary>
internal sealed class WatchEventCollector(TimeProvider time, HashSet<string> types, TimeSpan debounce, int maxEvents)
{
    private readonly object _gate = new();
    private readonly JsonArray _events = [];
    private readonly Dictionary<(string, string), DateTimeOffset> _last = [];
    private readonly TaskCompletionSource _full = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Attach(FileSystemWatcher watcher)
    {
        watcher.Created += (_, e) => Add("create", e.FullPath, null);
        watcher.Changed += (_, e) => Add("modify", e.FullPath, null);
        watcher.Deleted += (_, e) => Add("delete", e.FullPath, null);
        watcher.Renamed += (_, e) => Add("rename", e.FullPath, e.OldFullPath);
    }

    private void Add(string type, string path, string? oldPath)
    {
        if (!types.Contains(type))
        {
            return;
        }

        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_events.Count >= maxEvents)
            {
                return;
            }

            if (_last.TryGetValue((type, path), out var previous) && now - previous < debounce)
            {
                return;
            }

            _last[(type, path)] = now;
            var e = new JsonObject { ["event_type"] = type, ["path"] = path };
            if (oldPath is not null)
            {
                e["old_path"] = oldPath;
            }

            e["timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            _events.Add((JsonNode)e);
            if (_events.Count >= maxEvents)
            {
                _full.TrySetResult();
            }
        }
    }

    /// <summary>Waits for max_events or the timeout; returns true when the timeout ended the watch.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, time, cts.Token);
        var finished = await Task.WhenAny(_full.Task, delay).ConfigureAwait(false);
        await cts.CancelAsync().ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        return finished != _full.Task;
    }

    public JsonArray Snapshot()
    {
        lock (_gate)
        {
            return (JsonArray)_events.DeepClone();
        }
    }
}
