using System.Globalization;
using LlmSpell.State.Storage;
using Microsoft.Data.Sqlite;

namespace LlmSpell.Storage.Sqlite;

/// <summary>The state table in SQLite; history rows are written by triggers in the same statement.</summary>
internal sealed class SqliteStateStore(SqliteDatabase db, TimeProvider time) : IStateStore
{
    private const string InsertVersion = "COALESCE((SELECT MAX(version) FROM state_history WHERE key = $p0), 0) + 1";

    private string Now() => time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult(db.Use(d =>
    {
        using var r = d.Command("SELECT key, value, version, updated_at FROM state WHERE key = $p0", key).ExecuteReader();
        return r.Read() ? Read(r) : null;
    }));

    public Task<long> PutAsync(string key, string json, CancellationToken cancellationToken) => Task.FromResult(db.Use(d =>
        (long)d.Command(
            $"INSERT INTO state (key, value, version, updated_at) VALUES ($p0, $p1, {InsertVersion}, $p2) " +
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = state.version + 1, updated_at = excluded.updated_at RETURNING version",
            key, json, Now()).ExecuteScalar()!));

    public Task<long?> TryPutAsync(string key, string? json, long expectedVersion, CancellationToken cancellationToken) => Task.FromResult(db.Use(d =>
    {
        if (json is null)
        {
            return d.Command("DELETE FROM state WHERE key = $p0 AND version = $p1", key, expectedVersion).ExecuteNonQuery() == 1 ? 0 : (long?)null;
        }

        var result = expectedVersion == 0
            ? d.Command($"INSERT INTO state (key, value, version, updated_at) VALUES ($p0, $p1, {InsertVersion}, $p2) ON CONFLICT (key) DO NOTHING RETURNING version", key, json, Now()).ExecuteScalar()
            : d.Command("UPDATE state SET value = $p1, version = version + 1, updated_at = $p2 WHERE key = $p0 AND version = $p3 RETURNING version", key, json, Now(), expectedVersion).ExecuteScalar();
        return result is long v ? v : (long?)null;
    }));

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(db.Use(d => d.Command("DELETE FROM state WHERE key = $p0", key).ExecuteNonQuery() > 0));

    public Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>(db.Use(d =>
    {
        // Range scan on the primary key: keys >= prefix and < prefix + U+FFFF; filtered exactly below.
        var keys = new List<string>();
        using var r = d.Command("SELECT key FROM state WHERE key >= $p0 AND key < $p1 ORDER BY key", prefix, prefix + "\uffff").ExecuteReader();
        while (r.Read())
        {
            var k = r.GetString(0);
            if (k.StartsWith(prefix, StringComparison.Ordinal))
            {
                keys.Add(k);
            }
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }));

    public Task<IReadOnlyList<StateEntry>> HistoryAsync(string key, int limit, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<StateEntry>>(db.Use(d =>
    {
        var list = new List<StateEntry>();
        using var r = d.Command("SELECT key, value, version, updated_at FROM state_history WHERE key = $p0 ORDER BY version DESC LIMIT $p1", key, limit).ExecuteReader();
        while (r.Read())
        {
            list.Add(Read(r));
        }

        return list;
    }));

    public Task<IReadOnlyList<StateEntry>> SnapshotAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<StateEntry>>(db.Use(d =>
    {
        var list = new List<StateEntry>();
        using var r = d.Command("SELECT key, value, version, updated_at FROM state ORDER BY key").ExecuteReader();
        while (r.Read())
        {
            list.Add(Read(r));
        }

        return list;
    }));

    public Task ApplyBatchAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        db.Use(d =>
        {
            d.InTransaction(() =>
            {
                var now = Now();
                foreach (var w in writes)
                {
                    if (w.Json is null)
                    {
                        d.Command("DELETE FROM state WHERE key = $p0", w.Key).ExecuteNonQuery();
                    }
                    else
                    {
                        d.Command(
                            $"INSERT INTO state (key, value, version, updated_at) VALUES ($p0, $p1, {InsertVersion}, $p2) " +
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = state.version + 1, updated_at = excluded.updated_at",
                            w.Key, w.Json, now).ExecuteNonQuery();
                    }
                }
            });
            return true;
        });
        return Task.CompletedTask;
    }

    private static StateEntry Read(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetInt64(2), DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture));
}
