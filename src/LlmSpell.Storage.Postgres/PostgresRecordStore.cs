using LlmSpell.State.Storage;
using Npgsql;

namespace LlmSpell.Storage.Postgres;

/// <summary>Session and artifact documents and content-addressed blobs in PostgreSQL.</summary>
internal sealed class PostgresRecordStore(NpgsqlDataSource source) : IRecordStore
{
    public Task PutAsync(string collection, string id, string json, CancellationToken cancellationToken) =>
        Exec("INSERT INTO llmspell_records (collection, id, data) VALUES (@c, @i, @d) ON CONFLICT (collection, id) DO UPDATE SET data = EXCLUDED.data",
            cancellationToken, ("c", collection), ("i", id), ("d", json));

    public Task<string?> GetAsync(string collection, string id, CancellationToken cancellationToken) => Pg.Run(async () =>
    {
        await using var cmd = Cmd("SELECT data FROM llmspell_records WHERE collection = @c AND id = @i", ("c", collection), ("i", id));
        return await cmd.ExecuteScalarAsync(cancellationToken) as string;
    });

    public Task<IReadOnlyList<string>> ListAsync(string collection, string idPrefix, CancellationToken cancellationToken) => Pg.Run<IReadOnlyList<string>>(async () =>
    {
        await using var cmd = Cmd("SELECT id, data FROM llmspell_records WHERE collection = @c AND starts_with(id, @p)", ("c", collection), ("p", idPrefix));
        var rows = new List<(string Id, string Data)>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            rows.Add((r.GetString(0), r.GetString(1)));
        }

        return [.. rows.OrderBy(x => x.Id, StringComparer.Ordinal).Select(x => x.Data)];
    });

    public Task<long> CountAsync(string collection, CancellationToken cancellationToken) => Pg.Run(async () =>
    {
        await using var cmd = Cmd("SELECT COUNT(*) FROM llmspell_records WHERE collection = @c", ("c", collection));
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    });

    public Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken) => Pg.Run(async () =>
    {
        await using var cmd = Cmd("DELETE FROM llmspell_records WHERE collection = @c AND id = @i", ("c", collection), ("i", id));
        return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
    });

    public Task PutBlobAsync(string hash, byte[] data, bool compressed, CancellationToken cancellationToken) =>
        Exec("INSERT INTO llmspell_blobs (hash, data, compressed) VALUES (@h, @d, @z) ON CONFLICT (hash) DO NOTHING",
            cancellationToken, ("h", hash), ("d", data), ("z", compressed));

    public Task<(byte[] Data, bool Compressed)?> GetBlobAsync(string hash, CancellationToken cancellationToken) => Pg.Run<(byte[], bool)?>(async () =>
    {
        await using var cmd = Cmd("SELECT data, compressed FROM llmspell_blobs WHERE hash = @h", ("h", hash));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken) ? ((byte[])r.GetValue(0), r.GetBoolean(1)) : null;
    });

    public Task DeleteBlobAsync(string hash, CancellationToken cancellationToken) =>
        Exec("DELETE FROM llmspell_blobs WHERE hash = @h", cancellationToken, ("h", hash));

    private NpgsqlCommand Cmd(string sql, params (string Name, object Value)[] args)
    {
        var cmd = source.CreateCommand(sql);
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return cmd;
    }

    private Task Exec(string sql, CancellationToken ct, params (string Name, object Value)[] args) => Pg.Run(async () =>
    {
        await using var cmd = Cmd(sql, args);
        return await cmd.ExecuteNonQueryAsync(ct);
    });
}
