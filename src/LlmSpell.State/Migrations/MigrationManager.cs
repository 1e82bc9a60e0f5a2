using System.Diagnostics;
using System.Text.Json.Nodes;
using LlmSpell.State.Backups;
using LlmSpell.State.Storage;
using LlmSpell.Values;

namespace LlmSpell.State.Migrations;

/// <summary>
/// Declarative schema migrations (behaviours.md §6.5). The whole chain is computed in memory first
/// and written in one store transaction together with the new schema version, so a migration that
/// raises halfway leaves the store exactly as it was.
/// </summary>
public sealed class MigrationManager(StateService state, Func<BackupManager?> backups, TimeProvider time)
{
    public const string InitialVersion = "1.0.0";

    private readonly List<Migration> _migrations = [];

    /// <summary>Registers a step; raises on a duplicate from→to.</summary>
    public void Register(Migration migration)
    {
        if (_migrations.Any(m => m.From == migration.From && m.To == migration.To))
        {
            throw new StateException($"a migration from {migration.From} to {migration.To} is already registered");
        }

        _migrations.Add(migration);
    }

    public static SemVer Parse(string text) =>
        SemVer.TryParse(text, out var v) ? v : throw new StateException($"invalid version '{text}'");

    public async Task<SemVer> CurrentAsync(CancellationToken ct) =>
        JsonValues.AsString(await state.LoadAsync(StateService.SchemaVersionKey, ct)) is { } s && SemVer.TryParse(s, out var v) ? v : Parse(InitialVersion);

    /// <summary>Known versions: 1.0.0 plus every registered target, sorted.</summary>
    public JsonArray Versions() =>
        [.. _migrations.Select(m => m.To).Append(Parse(InitialVersion)).Distinct().Order().Select(v => (JsonNode)v.ToString())];

    public async Task<JsonObject> StatusAsync(CancellationToken ct)
    {
        var current = await CurrentAsync(ct);
        var latest = _migrations.Select(m => m.To).Append(current).Max();
        var targets = _migrations.Select(m => m.To).Distinct().Where(t => t.CompareTo(current) != 0 && Path(current, t) is not null).Order();
        return new JsonObject
        {
            ["current_version"] = current.ToString(),
            ["latest_version"] = latest.ToString(),
            ["is_latest"] = current.CompareTo(latest) >= 0,
            ["migration_available"] = targets.Any(),
            ["total_schemas"] = Versions().Count,
            ["migration_targets"] = new JsonArray([.. targets.Select(t => (JsonNode)t.ToString())]),
        };
    }

    /// <summary>Migrates to <paramref name="targetText"/>; failures of a transform roll everything back.</summary>
    public async Task<JsonObject> MigrateAsync(string targetText, bool backupFirst, CancellationToken ct)
    {
        var target = Parse(targetText);
        var current = await CurrentAsync(ct);
        if (current == target)
        {
            return new JsonObject { ["success"] = true, ["status"] = "already_current", ["current_version"] = current.ToString(), ["target_version"] = target.ToString() };
        }

        var path = Path(current, target) ?? throw new StateException($"no migration path from {current} to {target}");
        var started = time.GetTimestamp();
        var rows = await StateService.Guard(() => state.Store.SnapshotAsync(ct));
        var working = rows.Where(r => r.Key != StateService.SchemaVersionKey).ToDictionary(r => r.Key, r => (JsonNode?)StateService.Deserialize(r.Json), StringComparer.Ordinal);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        long items = 0;
        try
        {
            foreach (var step in path)
            {
                var prefix = step.Scope is null ? "" : step.Scope + ":";
                foreach (var key in working.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList())
                {
                    var next = step.Transform(step.Scope is null ? key : key[prefix.Length..], working[key]?.DeepClone());
                    working[key] = next;
                    touched.Add(key);
                    items++;
                }

                foreach (var gone in working.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList())
                {
                    working.Remove(gone);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new JsonObject { ["success"] = false, ["error"] = ex.Message, ["from_version"] = current.ToString(), ["target_version"] = target.ToString() };
        }

        var writes = touched.Select(k => new StateWrite(k, working.TryGetValue(k, out var v) ? state.Serialize(k, v!) : null)).ToList();
        writes.Add(new StateWrite(StateService.SchemaVersionKey, JsonText.Compact(target.ToString())));
        if (backupFirst && backups() is { } manager)
        {
            await manager.CreateAsync(false, $"automatic backup before migrating {current} -> {target}", ct);
        }

        await StateService.Guard(async () =>
        {
            await state.Store.ApplyBatchAsync(writes, ct);
            return true;
        });
        return new JsonObject
        {
            ["success"] = true,
            ["status"] = "completed",
            ["from_version"] = current.ToString(),
            ["to_version"] = target.ToString(),
            ["items_migrated"] = items,
            ["duration_ms"] = (long)time.GetElapsedTime(started).TotalMilliseconds,
            ["warnings"] = new JsonArray(),
        };
    }

    /// <summary>Shortest chain of registered steps (breadth-first).</summary>
    private List<Migration>? Path(SemVer from, SemVer to)
    {
        var previous = new Dictionary<SemVer, Migration>();
        var queue = new Queue<SemVer>([from]);
        var seen = new HashSet<SemVer> { from };
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            if (v == to)
            {
                var chain = new List<Migration>();
                while (v != from)
                {
                    var m = previous[v];
                    chain.Add(m);
                    v = m.From;
                }

                chain.Reverse();
                return chain;
            }

            foreach (var m in _migrations.Where(m => m.From == v).OrderBy(m => m.To))
            {
                if (seen.Add(m.To))
                {
                    previous[m.To] = m;
                    queue.Enqueue(m.To);
                }
            }
        }

        return null;
    }
}
