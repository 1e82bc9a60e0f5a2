using System.Data.Common;
using System.Text.Json.Nodes;
using LlmSpell.Tools.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LlmSpell.Tools.Sys.Data;

/// <summary>
/// Opens connections and prepares parameterised commands for SQLite and PostgreSQL. SQLite files
/// pass the file sandbox; ":memory:" connections share one named in-memory database per
/// connection name for the life of the run (a keep-alive connection holds it open).
/// </summary>
internal sealed class DbSessionFactory(ToolServices services) : IDisposable
{
    private readonly Dictionary<string, SqliteConnection> _memoryKeepAlive = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task<DbConnection> OpenAsync(DatabaseConnection connection, CancellationToken ct)
    {
        var timeout = (int)services.Config.GetInt("tools.database.connection_timeout_seconds", 10);
        if (connection.Kind == "postgres")
        {
            var builder = new NpgsqlConnectionStringBuilder(connection.Target) { Timeout = timeout };
            if (connection.ReadOnly)
            {
                // Defence in depth: a SELECT can still call functions with side effects.
                builder.Options = "-c default_transaction_read_only=on";
            }

            var pg = new NpgsqlConnection(builder.ConnectionString);
            await pg.OpenAsync(ct);
            return pg;
        }

        var sqlite = new SqliteConnection(SqliteConnectionString(connection));
        await sqlite.OpenAsync(ct);
        return sqlite;
    }

    /// <summary>A command for <paramref name="sql"/> with <paramref name="parameters"/> bound (never interpolated).</summary>
    public static DbCommand Command(DbConnection connection, string sql, JsonNode? parameters, int timeoutSeconds)
    {
        var command = connection.CreateCommand();
        command.CommandTimeout = timeoutSeconds;
        var isPostgres = connection is NpgsqlConnection;
        switch (parameters)
        {
            case null:
            case JsonObject { Count: 0 }:
                command.CommandText = sql;
                break;
            case JsonArray list:
                // Bare "?" placeholders become numbered ones so each value binds by position.
                command.CommandText = SqlScanner.NumberPlaceholders(sql, isPostgres ? "$" : "?");
                for (var i = 0; i < list.Count; i++)
                {
                    var p = command.CreateParameter();
                    if (!isPostgres)
                    {
                        p.ParameterName = sql.Contains($"${i + 1}", StringComparison.Ordinal) && !sql.Contains('?', StringComparison.Ordinal) ? $"${i + 1}" : $"?{i + 1}";
                    }

                    p.Value = DbValues.ToDb(list[i]);
                    command.Parameters.Add(p);
                }

                break;
            case JsonObject named:
                command.CommandText = sql;
                foreach (var (key, value) in named)
                {
                    var p = command.CreateParameter();
                    var name = key.TrimStart(':', '@', '$');
                    p.ParameterName = isPostgres ? name : (sql.Contains(':' + name, StringComparison.Ordinal) ? ':' : '@') + name;
                    p.Value = DbValues.ToDb(value);
                    command.Parameters.Add(p);
                }

                break;
            default:
                throw ToolFailureException.InvalidParameters("parameter 'params': expected an array or a table");
        }

        return command;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var c in _memoryKeepAlive.Values)
            {
                c.Dispose();
            }

            _memoryKeepAlive.Clear();
        }
    }

    private string SqliteConnectionString(DatabaseConnection connection)
    {
        if (connection.Target == ":memory:")
        {
            var shared = new SqliteConnectionStringBuilder
            {
                DataSource = $"llmspell-{connection.Name}-{GetHashCode():x}",
                Mode = SqliteOpenMode.Memory,
                Cache = SqliteCacheMode.Shared,
            }.ToString();
            lock (_gate)
            {
                if (!_memoryKeepAlive.ContainsKey(connection.Name))
                {
                    var keep = new SqliteConnection(shared);
                    keep.Open();
                    _memoryKeepAlive[connection.Name] = keep;
                }
            }

            return shared;
        }

        var path = connection.ReadOnly ? services.AdmitPath(connection.Target) : services.AdmitWritePath(connection.Target);
        if (connection.ReadOnly && !File.Exists(path))
        {
            throw ToolFailureException.Failed($"database file '{connection.Target}' does not exist", "not_found");
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = connection.ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
    }
}
