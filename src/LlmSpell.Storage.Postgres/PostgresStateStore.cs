using LlmSpell.State.Storage;
using Npgsql;
using NpgsqlTypes;

namespace LlmSpell.Storage.Postgres;

/// <summary>
/// The state table in PostgreSQL (value JSONB). Conditional writes are single statements guarded by
/// the row version, so processes on several machines never lose an update: a concurrent writer
/// re-checks the WHERE clause after the first commits and reports a conflict instead.
/// </summary>
internal sealed class PostgresStateStore(NpgsqlDataSource source, TimeProvider time) : IStateStore
{
    private const string InsertVersion = "COALESCE((SELECT MAX(version) FROM llmspell_state_history WHERE key = @k), 0) + 1";
    private const string Upsert =
        $"INSERT INTO llmspell_state (key, value, version, updated_at) VALUES (@k, @v, {InsertVersion}, @t) " +
        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, version = llmspell_state.version + 1, updated_at = EXCLUDED.updated_at RETURNING version";

    public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken) => Pg.Run(async () =>
    {
        await using var cmd = source.CreateCommand("SELECT key, value::text, version, updated_at FROM llmspell_state WHERE key = @k");
        cmd.Parameters.AddWithValue("k", key);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken) ? Read(r) : null;
    });

    public Task<long> PutAsync(string key, string json, CancellationToken cancellationToken) => Pg.Run(async () =>
    {
        await using var cmd = source.CreateCommand(Upsert);
        AddWrite(cmd, key, json);
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    });

    public Task<long?> TryPutAsync(string key, string? json, long expectedVersion, CancellationToken cancellationToken) => Pg.Run(async () =>
    {
        if (json is null)
        {
            await using var del = source.CreateCommand("DELETE FROM llmspell_state WHERE key = @k AND version = @e");
            del.Parameters.AddWithValue("k", key);
            del.Parameters.AddWithValue("e", expectedVersion);
            return await del.ExecuteNonQueryAsync(cancellationToken) == 1 ? 0 : (long?)null;
        }

        await using var cmd = source.CreateCommand(expectedVersion == 0
            ? $"INSERT INTO llmspell_state (key, value, version, updated_at) VALUES (@k, @v, {InsertVersion}, @t) ON CONFLICT (key) DO NOTHING RETURNING version"
            : "UPDATE llmspell_state SET value = @v, version = version + 1, updated_at = @t WHERE key = @k AND version = @e RETURNING version");
        AddWrite(cmd, key, json);
        cmd.Parameters.AddWithValue("e", expectedVersion);
        return await cmd.ExecuteScalarAsync(cancellationToken) is long v ? v : (long?)null;
    });

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => Pg.Run(async () =>
    {
        await using var cmd = source.CreateCommand("DELETE FROM llmspell_state WHERE key = @k");
        cmd.Parameters.AddWithValue("k", key);
        return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
    });

    public Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken) => Pg.Run<IReadOnlyList<string>>(async () =>
    {
        await using var cmd = source.CreateCommand("SELECT key FROM llmspell_state WHERE starts_with(key, @p)");
        cmd.Parameters.AddWithValue("p", prefix);
        var keys = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            keys.Add(r.GetString(0));
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    });

    public Task<IReadOnlyList<StateEntry>> HistoryAsync(string key, int limit, CancellationToken cancellationToken) => Pg.Run<IReadOnlyList<StateEntry>>(async () =>
    {
        await using var cmd = source.CreateCommand("SELECT key, value::text, version, updated_at FROM llmspell_state_history WHERE key = @k ORDER BY version DESC LIMIT @l");
        cmd.Parameters.AddWithValue("k", key);
        cmd.Parameters.AddWithValue("l", limit);
        return await ReadAll(cmd, cancellationToken);
    });

    public Task<IReadOnlyList<StateEntry>> SnapshotAsync(CancellationToken cancellationToken) => Pg.Run<IReadOnlyList<StateEntry>>(async () =>
    {
        await using var cmd = source.CreateCommand("SELECT key, value::text, version, updated_at FROM llmspell_state");
        var all = await ReadAll(cmd, cancellationToken);
        all.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return all;
    });

    public Task ApplyBatchAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken) => Pg.Run(async () =>
    {
        await using var conn = await source.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        foreach (var w in writes)
        {
            await using var cmd = new NpgsqlCommand(w.Json is null ? "DELETE FROM llmspell_state WHERE key = @k" : Upsert, conn, tx);
            if (w.Json is null)
            {
                cmd.Parameters.AddWithValue("k", w.Key);
            }
            else
            {
                AddWrite(cmd, w.Key, w.Json);
            }

            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return true;
    });

    private void AddWrite(NpgsqlCommand cmd, string key, string json)
    {
        cmd.Parameters.AddWithValue("k", key);
        cmd.Parameters.Add(new NpgsqlParameter("v", NpgsqlDbType.Jsonb) { Value = json });
        cmd.Parameters.AddWithValue("t", time.GetUtcNow().UtcDateTime);
    }

    private static async Task<List<StateEntry>> ReadAll(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<StateEntry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add(Read(r));
        }

        return list;
    }

    private static StateEntry Read(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetInt64(2), new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(3), DateTimeKind.Utc)));
}
