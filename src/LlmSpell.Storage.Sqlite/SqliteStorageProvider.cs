using LlmSpell.State.Storage;

namespace LlmSpell.Storage.Sqlite;

/// <summary>The <c>sqlite</c> backend: one database file (WAL mode) holding state, sessions and artifacts.</summary>
public sealed class SqliteStorageProvider : IStorageProvider
{
    public string Name => "sqlite";

    public IStorageBackend Open(StorageOptions options)
    {
        var path = options.Path ?? throw new StorageException("no SQLite database path configured (runtime.state_persistence.path)");
        var db = new SqliteDatabase(path);
        return new SqliteBackend(db, options.Time);
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c> on a database file ("ok" when healthy).</summary>
    public static string IntegrityCheck(string path)
    {
        using var db = new SqliteDatabase(path);
        return db.IntegrityCheck();
    }

    private sealed class SqliteBackend(SqliteDatabase db, TimeProvider time) : IStorageBackend
    {
        public string Name => "sqlite";

        public bool IsPersistent => true;

        public IStateStore State { get; } = new SqliteStateStore(db, time);

        public IRecordStore Records { get; } = new SqliteRecordStore(db);

        public ValueTask DisposeAsync()
        {
            db.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
