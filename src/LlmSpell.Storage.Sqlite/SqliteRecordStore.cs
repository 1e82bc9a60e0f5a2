using LlmSpell.State.Storage;

namespace LlmSpell.Storage.Sqlite;

/// <summary>Session and artifact documents and content-addressed blobs in the same SQLite file.</summary>
internal sealed class SqliteRecordStore(SqliteDatabase db) : IRecordStore
{
    public Task PutAsync(string collection, string id, string json, CancellationToken cancellationToken)
    {
        db.Use(d => d.Command("INSERT OR REPLACE INTO records (collection, id, data) VALUES ($p0, $p1, $p2)", collection, id, json).ExecuteNonQuery());
        return Task.CompletedTask;
    }

    public Task<string?> GetAsync(string collection, string id, CancellationToken cancellationToken) =>
        Task.FromResult(db.Use(d => d.Command("SELECT data FROM records WHERE collection = $p0 AND id = $p1", collection, id).ExecuteScalar() as string));

    public Task<IReadOnlyList<string>> ListAsync(string collection, string idPrefix, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>(db.Use(d =>
    {
        var list = new List<string>();
        using var r = d.Command("SELECT id, data FROM records WHERE collection = $p0 AND id >= $p1 AND id < $p2 ORDER BY id", collection, idPrefix, idPrefix + "\uffff").ExecuteReader();
        while (r.Read())
        {
            if (r.GetString(0).StartsWith(idPrefix, StringComparison.Ordinal))
            {
                list.Add(r.GetString(1));
            }
        }

        return list;
    }));

    public Task<long> CountAsync(string collection, CancellationToken cancellationToken) =>
        Task.FromResult(db.Use(d => (long)d.Command("SELECT COUNT(*) FROM records WHERE collection = $p0", collection).ExecuteScalar()!));

    public Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken) =>
        Task.FromResult(db.Use(d => d.Command("DELETE FROM records WHERE collection = $p0 AND id = $p1", collection, id).ExecuteNonQuery() > 0));

    public Task PutBlobAsync(string hash, byte[] data, bool compressed, CancellationToken cancellationToken)
    {
        db.Use(d => d.Command("INSERT OR IGNORE INTO blobs (hash, data, compressed) VALUES ($p0, $p1, $p2)", hash, data, compressed ? 1 : 0).ExecuteNonQuery());
        return Task.CompletedTask;
    }

    public Task<(byte[] Data, bool Compressed)?> GetBlobAsync(string hash, CancellationToken cancellationToken) => Task.FromResult(db.Use<(byte[], bool)?>(d =>
    {
        using var r = d.Command("SELECT data, compressed FROM blobs WHERE hash = $p0", hash).ExecuteReader();
        return r.Read() ? ((byte[])r.GetValue(0), r.GetInt64(1) != 0) : null;
    }));

    public Task DeleteBlobAsync(string hash, CancellationToken cancellationToken)
    {
        db.Use(d => d.Command("DELETE FROM blobs WHERE hash = $p0", hash).ExecuteNonQuery());
        return Task.CompletedTask;
    }
}
