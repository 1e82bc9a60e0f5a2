using LlmSpell.State.Storage;
using Npgsql;

namespace LlmSpell.Storage.Postgres;

/// <summary>
/// The <c>postgres</c> backend for scale-out: several llmspell processes on several machines share
/// state, sessions and artifacts. A <c>Search Path</c> in the connection string selects (and creates)
/// a schema, which keeps test runs and tenants apart.
/// </summary>
public sealed class PostgresStorageProvider : IStorageProvider
{
    public string Name => "postgres";

    public IStorageBackend Open(StorageOptions options)
    {
        var cs = options.ConnectionString ?? throw new StorageException("no PostgreSQL connection string configured (runtime.state_persistence.connection_string)");
        NpgsqlDataSource source;
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Normalize(cs));
            source = NpgsqlDataSource.Create(builder);
            using var conn = source.OpenConnection();
            using var tx = conn.BeginTransaction();
            using (var lk = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgresSchema.LockId})", conn, tx))
            {
                lk.ExecuteNonQuery();
            }

            if (!string.IsNullOrEmpty(builder.SearchPath))
            {
                using var schema = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS \"{builder.SearchPath.Split(',')[0].Trim().Replace("\"", "", StringComparison.Ordinal)}\"", conn, tx);
                schema.ExecuteNonQuery();
            }

            using (var ddl = new NpgsqlCommand(PostgresSchema.Ddl, conn, tx))
            {
                ddl.ExecuteNonQuery();
            }

            tx.Commit();
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            throw new StorageException($"cannot open PostgreSQL store: {(ex is PostgresException pe ? pe.MessageText : ex.Message)}", ex);
        }

        return new PostgresBackend(source, options.Time);
    }

    private sealed class PostgresBackend(NpgsqlDataSource source, TimeProvider time) : IStorageBackend
    {
        public string Name => "postgres";

        public bool IsPersistent => true;

        public IStateStore State { get; } = new PostgresStateStore(source, time);

        public IRecordStore Records { get; } = new PostgresRecordStore(source);

        public ValueTask DisposeAsync() => source.DisposeAsync();
    }
}
