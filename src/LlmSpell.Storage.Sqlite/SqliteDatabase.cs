using Microsoft.Data.Sqlite;
using LlmSpell.State.Storage;

namespace LlmSpell.Storage.Sqlite;

/// <summary>
/// One connection to the database file, used under a lock. A single connection per process is the
/// fastest way to drive SQLite (no pool hand-offs, prepared statements stay prepared); processes
/// sharing the file coordinate through SQLite's own locking with a busy timeout.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS state_history (key TEXT NOT NULL, version INTEGER NOT NULL, value TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (key, version)) WITHOUT ROWID;
        CREATE TRIGGER IF NOT EXISTS state_history_insert AFTER INSERT ON state BEGIN
          INSERT OR REPLACE INTO state_history VALUES (NEW.key, NEW.version, NEW.value, NEW.updated_at);
          DELETE FROM state_history WHERE key = NEW.key AND version <= NEW.version - 20;
        END;
        CREATE TRIGGER IF NOT EXISTS state_history_update AFTER UPDATE ON state BEGIN
          INSERT OR REPLACE INTO state_history VALUES (NEW.key, NEW.version, NEW.value, NEW.updated_at);
          DELETE FROM state_history WHERE key = NEW.key AND version <= NEW.version - 20;
        END;
        CREATE TABLE IF NOT EXISTS records (collection TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (collection, id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS blobs (hash TEXT PRIMARY KEY, data BLOB NOT NULL, compressed INTEGER NOT NULL);
        """;

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private bool _disposed;

    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        try
        {
            var dir = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }

            var cs = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false, DefaultTimeout = 30, Mode = SqliteOpenMode.ReadWriteCreate };
            _connection = new SqliteConnection(cs.ToString());
            _connection.Open();
            Execute("PRAGMA busy_timeout = 30000;");
            Execute("PRAGMA journal_mode = WAL;");
            // NORMAL in WAL mode: a commit survives a process crash (SIGKILL); only an OS crash or
            // power loss may drop the last transactions. FULL would fsync every write (~100x slower).
            Execute("PRAGMA synchronous = NORMAL;");
            Execute(Schema);
        }
        catch (SqliteException ex)
        {
            _connection?.Dispose();
            throw new StorageException($"cannot open SQLite database '{Path}': {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new StorageException($"cannot open SQLite database '{Path}': {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StorageException($"cannot open SQLite database '{Path}': {ex.Message}", ex);
        }
    }

    public string Path { get; }

    /// <summary>Runs <paramref name="work"/> with exclusive use of the connection, mapping SQLite errors.</summary>
    public T Use<T>(Func<SqliteDatabase, T> work)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                return work(this);
            }
            catch (SqliteException ex)
            {
                throw new StorageException(ex.Message, ex);
            }
        }
    }

    /// <summary>A cached prepared command; parameters are named <c>$p0</c>, <c>$p1</c>, ....</summary>
    public SqliteCommand Command(string sql, params object?[] args)
    {
        if (!_commands.TryGetValue(sql, out var cmd))
        {
            cmd = _connection.CreateCommand();
            cmd.CommandText = sql;
            for (var i = 0; i < args.Length; i++)
            {
                cmd.Parameters.Add(new SqliteParameter("$p" + i, null));
            }

            _commands[sql] = cmd;
        }

        for (var i = 0; i < args.Length; i++)
        {
            cmd.Parameters[i].Value = args[i] ?? DBNull.Value;
        }

        cmd.Transaction = CurrentTransaction;
        return cmd;
    }

    public SqliteTransaction? CurrentTransaction { get; private set; }

    /// <summary>Runs <paramref name="work"/> inside an IMMEDIATE transaction (write lock taken up front, so no upgrade deadlocks).</summary>
    public void InTransaction(Action work)
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        CurrentTransaction = tx;
        try
        {
            work();
            tx.Commit();
        }
        finally
        {
            CurrentTransaction = null;
        }
    }

    public int Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteNonQuery();
    }

    /// <summary>Checks the database (PRAGMA integrity_check); "ok" when healthy.</summary>
    public string IntegrityCheck() => Use(db =>
    {
        using var cmd = db._connection.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check;";
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    });

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var cmd in _commands.Values)
            {
                cmd.Dispose();
            }

            try
            {
                // Fold the WAL back into the main file so the database is one self-contained file.
                Execute("PRAGMA wal_checkpoint(TRUNCATE);");
            }
            catch (SqliteException)
            {
                // Another process holds the database; its own close checkpoints.
            }

            _connection.Dispose();
        }
    }
}
