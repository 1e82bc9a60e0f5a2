using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.State.Storage;
using LlmSpell.Values;

namespace LlmSpell.State.Backups;

/// <summary>
/// Full and incremental backups of the state table (behaviours.md §6.6): compressed, checksummed,
/// restored all-or-nothing through one store transaction.
/// </summary>
public sealed class BackupManager(StateService state, BackupOptions options, TimeProvider time)
{
    private readonly BackupStore _files = new(options.Directory);

    /// <summary>Creates a backup; incremental when asked, enabled and a parent exists.</summary>
    public async Task<JsonObject> CreateAsync(bool incremental, string? description, CancellationToken ct)
    {
        var rows = await StateService.Guard(() => state.Store.SnapshotAsync(ct));
        var current = rows.ToDictionary(r => r.Key, r => r.Json, StringComparer.Ordinal);
        var parent = incremental && options.Incremental ? _files.List().FirstOrDefault() : null;
        var entries = new JsonObject();
        if (parent is not null)
        {
            var before = Resolve(JsonValues.AsString(parent["backup_id"])!, verify: true);
            foreach (var (key, json) in current.Where(kv => !before.TryGetValue(kv.Key, out var old) || old != kv.Value))
            {
                entries[key] = json;
            }

            foreach (var gone in before.Keys.Where(k => !current.ContainsKey(k)))
            {
                entries[gone] = null;
            }
        }
        else
        {
            foreach (var (key, json) in current)
            {
                entries[key] = json;
            }
        }

        var now = time.GetUtcNow();
        var id = $"backup_{now:yyyyMMdd'T'HHmmssfff}_{Guid.NewGuid().ToString("N")[..8]}";
        var codec = BackupCodec.Effective(options.Compression);
        var payload = BackupCodec.Compress(Encoding.UTF8.GetBytes(JsonText.Compact(new JsonObject { ["format"] = 1, ["entries"] = entries })), codec, options.Level);
        var keyCount = current.Keys.Count(k => k != StateService.SchemaVersionKey);
        var manifest = new JsonObject
        {
            ["backup_id"] = id,
            ["created_at"] = Stamp(now),
            ["incremental"] = parent is not null,
            ["parent_id"] = parent?["backup_id"]?.DeepClone(),
            ["key_count"] = keyCount,
            ["size_bytes"] = payload.LongLength,
            ["checksum"] = BackupStore.Checksum(payload),
            ["compression"] = codec,
            ["description"] = description,
        };
        _files.Write(id, payload, manifest);
        return new JsonObject
        {
            ["success"] = true,
            ["backup_id"] = id,
            ["incremental"] = parent is not null,
            ["size_bytes"] = payload.LongLength,
            ["key_count"] = keyCount,
            ["created_at"] = Stamp(now),
        };
    }

    /// <summary>Manifests, newest first (without internal fields).</summary>
    public JsonArray List() => [.. _files.List().Select(m => (JsonNode)Public(m))];

    /// <summary>One backup's manifest, or null.</summary>
    public JsonObject? Info(string id) => _files.Manifest(id) is { } m ? Public(m) : null;

    /// <summary>Checks a backup and its parents: files present, checksums match, payload readable.</summary>
    public JsonObject Validate(string id)
    {
        var errors = new JsonArray();
        var checksumOk = true;
        try
        {
            Resolve(id, verify: true);
        }
        catch (BackupException ex)
        {
            errors.Add((JsonNode?)ex.Message);
            checksumOk = !ex.IsChecksum;
        }

        return new JsonObject { ["is_valid"] = errors.Count == 0, ["backup_id"] = id, ["checksum_ok"] = checksumOk, ["errors"] = errors };
    }

    /// <summary>Restores the state as of a backup; everything or nothing is written.</summary>
    public async Task<JsonObject> RestoreAsync(string id, bool dryRun, bool verify, bool backupCurrent, CancellationToken ct)
    {
        Dictionary<string, string> target;
        try
        {
            target = Resolve(id, verify);
        }
        catch (BackupException ex)
        {
            return new JsonObject { ["success"] = false, ["backup_id"] = id, ["keys_restored"] = 0, ["dry_run"] = dryRun, ["error"] = ex.Message };
        }

        var restored = target.Keys.Count(k => k != StateService.SchemaVersionKey);
        if (!dryRun)
        {
            if (backupCurrent)
            {
                await CreateAsync(false, $"automatic backup before restoring {id}", ct);
            }

            var current = await StateService.Guard(() => state.Store.SnapshotAsync(ct));
            var writes = current.Where(r => !target.ContainsKey(r.Key)).Select(r => new StateWrite(r.Key, null))
                .Concat(target.Where(kv => current.FirstOrDefault(r => r.Key == kv.Key)?.Json != kv.Value).Select(kv => new StateWrite(kv.Key, kv.Value)))
                .ToList();
            await StateService.Guard(async () =>
            {
                await state.Store.ApplyBatchAsync(writes, ct);
                return true;
            });
        }

        return new JsonObject { ["success"] = true, ["backup_id"] = id, ["keys_restored"] = restored, ["dry_run"] = dryRun };
    }

    /// <summary>Applies max_backups and max_backup_age, keeping parents of kept incrementals.</summary>
    public JsonObject Cleanup(bool dryRun)
    {
        var all = _files.List();
        var now = time.GetUtcNow();
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in all.Take(Math.Max(0, options.MaxBackups)))
        {
            var created = DateTimeOffset.Parse(JsonValues.AsString(m["created_at"])!, CultureInfo.InvariantCulture);
            if ((now - created).TotalSeconds <= options.MaxAgeSeconds)
            {
                keep.Add(JsonValues.AsString(m["backup_id"])!);
            }
        }

        var byId = all.ToDictionary(m => JsonValues.AsString(m["backup_id"])!, StringComparer.Ordinal);
        foreach (var id in keep.ToList())
        {
            var cursor = byId.GetValueOrDefault(id);
            while (cursor is not null && JsonValues.AsString(cursor["parent_id"]) is { } parent)
            {
                keep.Add(parent);
                cursor = byId.GetValueOrDefault(parent);
            }
        }

        var doomed = all.Where(m => !keep.Contains(JsonValues.AsString(m["backup_id"])!)).ToList();
        if (!dryRun)
        {
            foreach (var m in doomed)
            {
                _files.Delete(JsonValues.AsString(m["backup_id"])!);
            }
        }

        return new JsonObject
        {
            ["success"] = true,
            ["dry_run"] = dryRun,
            ["deleted_count"] = doomed.Count,
            ["retained_count"] = all.Count - doomed.Count,
            ["space_freed"] = doomed.Sum(m => JsonValues.AsInteger(m["size_bytes"]) ?? 0),
        };
    }

    /// <summary>Backup and state sizes.</summary>
    public async Task<JsonObject> UsageAsync(CancellationToken ct)
    {
        var all = _files.List();
        var rows = await StateService.Guard(() => state.Store.SnapshotAsync(ct));
        return new JsonObject
        {
            ["total_backups"] = all.Count,
            ["total_size"] = all.Sum(m => JsonValues.AsInteger(m["size_bytes"]) ?? 0),
            ["full_backups"] = all.Count(m => JsonValues.AsBool(m["incremental"]) != true),
            ["incremental_backups"] = all.Count(m => JsonValues.AsBool(m["incremental"]) == true),
            ["state_keys"] = rows.Count(r => r.Key != StateService.SchemaVersionKey),
            ["state_size_bytes"] = rows.Sum(r => (long)Encoding.UTF8.GetByteCount(r.Json)),
        };
    }

    /// <summary>The full key → JSON map a backup stands for (its chain applied from the last full backup).</summary>
    private Dictionary<string, string> Resolve(string id, bool verify)
    {
        var chain = new List<(JsonObject Manifest, JsonObject Entries)>();
        var cursor = id;
        while (cursor is not null)
        {
            var manifest = _files.Manifest(cursor) ?? throw new BackupException(chain.Count == 0 ? $"backup '{cursor}' not found" : $"parent backup '{cursor}' is missing", false);
            chain.Add((manifest, ReadEntries(cursor, manifest, verify)));
            cursor = JsonValues.AsString(manifest["parent_id"]);
            if (chain.Count > 10_000)
            {
                throw new BackupException($"backup '{id}' has a cyclic parent chain", false);
            }
        }

        var state = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, entries) in Enumerable.Reverse(chain))
        {
            foreach (var (key, json) in entries)
            {
                if (json is null)
                {
                    state.Remove(key);
                }
                else
                {
                    state[key] = JsonValues.AsString(json)!;
                }
            }
        }

        return state;
    }

    private JsonObject ReadEntries(string id, JsonObject manifest, bool verify)
    {
        byte[] payload;
        try
        {
            payload = File.ReadAllBytes(_files.PayloadPath(id));
        }
        catch (IOException)
        {
            throw new BackupException($"backup '{id}' payload file is missing", false);
        }

        if (verify && BackupStore.Checksum(payload) != JsonValues.AsString(manifest["checksum"]))
        {
            throw new BackupException($"backup '{id}' checksum mismatch (the file is corrupt or truncated)", true);
        }

        try
        {
            var doc = JsonText.Parse(Encoding.UTF8.GetString(BackupCodec.Decompress(payload, JsonValues.AsString(manifest["compression"]) ?? "gzip")));
            return doc?["entries"] as JsonObject ?? throw new BackupException($"backup '{id}' payload has no entries", false);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonParseException or EndOfStreamException)
        {
            throw new BackupException($"backup '{id}' payload is unreadable: {ex.Message}", false);
        }
    }

    private static JsonObject Public(JsonObject m)
    {
        var copy = (JsonObject)m.DeepClone();
        copy.Remove("compression");
        foreach (var k in copy.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList())
        {
            copy.Remove(k);
        }

        return copy;
    }

    internal static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [DebuggerDisplay("{Message}")]
    private sealed class BackupException(string message, bool isChecksum) : Exception(message)
    {
        public bool IsChecksum { get; } = isChecksum;
    }
}
