using System.Data.Common;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LlmSpell.Tools.Sys.Data;

/// <summary>
/// database_connector (tools.md §5.37): one parameterised statement against a configured SQLite or
/// PostgreSQL connection. Configuration, statement-class and SQL problems are failure envelopes.
/// </summary>
internal sealed class DatabaseConnectorTool(ToolServices services) : ITool, IDisposable
{
    private static readonly string[] Operations = ["query", "execute", "schema", "list_connections"];
    private readonly DbSessionFactory _sessions = new(services);

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "database_connector",
        Description = "Run parameterised SQL against configured SQLite and PostgreSQL databases",
        Category = "data",
        SecurityLevel = "restricted",
        Parameters =
        [
            Param.Enum("operation", "what to do", Operations, required: true),
            Param.Str("database", "connection name", def: "default", aliases: ["connection"]),
            Param.Str("query", "exactly one SQL statement", aliases: ["sql"]),
            Param.Any("params", "positional (array) or named (table) parameters, always bound"),
            Param.Int("max_rows", "row limit for query (default tools.database.max_rows)"),
            Param.Int("timeout_seconds", "statement timeout (default tools.database.query_timeout_seconds)"),
            Param.Str("table", "schema: only this table"),
        ],
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var op = SysText.Operation(request, Operations);
        var connections = DatabaseConnection.FromConfig(services);
        if (op == "list_connections")
        {
            var list = new JsonArray([.. connections.Values.OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => (JsonNode?)new JsonObject { ["name"] = c.Name, ["kind"] = c.Kind, ["read_only"] = c.ReadOnly })]);
            return Envelope.Success(op, $"{list.Count} database connection(s) configured", new JsonObject { ["connections"] = list });
        }

        var name = request.String("database") ?? "default";
        if (!connections.TryGetValue(name, out var connection))
        {
            return Envelope.Failure(op, $"database connection '{name}' is not configured; add [tools.database.connections.{name}]", "not_configured");
        }

        var sql = op == "schema" ? null : request.RequireString("query");
        if (sql is not null && Forbidden(op, sql, connection) is { } reason)
        {
            return Envelope.Failure(op, reason, "forbidden_statement");
        }

        var timeoutSeconds = SysText.OptInt(request, "timeout_seconds") ?? services.Config.GetInt("tools.database.query_timeout_seconds", 30);
        var maxRows = SysText.OptInt(request, "max_rows") ?? services.Config.GetInt("tools.database.max_rows", 1000);
        if (timeoutSeconds <= 0 || maxRows <= 0)
        {
            throw ToolFailureException.InvalidParameters(timeoutSeconds <= 0 ? "parameter 'timeout_seconds': must be positive" : "parameter 'max_rows': must be positive");
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await using var db = await _sessions.OpenAsync(connection, cts.Token);
            return op switch
            {
                "query" => await QueryAsync(db, sql!, request["params"], maxRows, (int)timeoutSeconds, cts.Token),
                "execute" => await ExecuteStatementAsync(db, sql!, request["params"], (int)timeoutSeconds, cts.Token),
                _ => Schema(name, await SchemaReader.ReadAsync(db, request.String("table"), cts.Token)),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw ToolFailureException.Failed($"query timed out after {timeoutSeconds} s", "timeout");
        }
        catch (PostgresException ex)
        {
            return Envelope.Failure(op, ex.MessageText, "query_failed");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException && ex is not ToolFailureException)
        {
            return Envelope.Failure(op, ex is SqliteException se ? se.Message.Replace("SQLite Error " + se.SqliteErrorCode + ": ", string.Empty, StringComparison.Ordinal) : ex.Message, "query_failed");
        }
    }

    public void Dispose() => _sessions.Dispose();

    private static string? Forbidden(string op, string sql, DatabaseConnection connection)
    {
        if (SqlScanner.HasMultipleStatements(sql))
        {
            return "only one SQL statement is allowed per call";
        }

        var (keyword, kind) = SqlClassifier.Classify(sql);
        var shown = keyword.Length == 0 ? "(empty)" : keyword;
        if (op == "query")
        {
            return kind == SqlClass.Query ? null : $"statement '{shown}' is not allowed for operation 'query' (use execute)";
        }

        if (connection.ReadOnly)
        {
            return $"database connection '{connection.Name}' is read-only";
        }

        return kind switch
        {
            SqlClass.Write => null,
            SqlClass.Ddl when connection.AllowDdl => null,
            SqlClass.Ddl => $"DDL statement '{shown}' is not allowed on connection '{connection.Name}' (set allow_ddl = true)",
            SqlClass.Query => $"statement '{shown}' returns rows; use operation 'query'",
            _ => $"statement '{shown}' is not allowed",
        };
    }

    private static async Task<ComponentOutput> QueryAsync(DbConnection db, string sql, JsonNode? parameters, long maxRows, int timeout, CancellationToken ct)
    {
        await using var command = DbSessionFactory.Command(db, sql, parameters, timeout);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var (columns, rows, truncated) = await DbValues.ReadAsync(reader, maxRows, ct);
        var result = new JsonObject { ["columns"] = columns, ["rows"] = rows, ["row_count"] = rows.Count, ["truncated"] = truncated };
        return Envelope.Success("query", $"Query returned {rows.Count} rows", result);
    }

    private static async Task<ComponentOutput> ExecuteStatementAsync(DbConnection db, string sql, JsonNode? parameters, int timeout, CancellationToken ct)
    {
        await using var command = DbSessionFactory.Command(db, sql, parameters, timeout);
        var affected = await command.ExecuteNonQueryAsync(ct);
        var result = new JsonObject { ["rows_affected"] = affected };
        if (db is SqliteConnection && SqlClassifier.Classify(sql).Keyword is "INSERT" or "REPLACE" && affected > 0)
        {
            await using var last = DbSessionFactory.Command(db, "SELECT last_insert_rowid()", null, timeout);
            result["last_insert_id"] = DbValues.FromDb(await last.ExecuteScalarAsync(ct));
        }

        return Envelope.Success("execute", $"Statement affected {affected} rows", result);
    }

    private static ComponentOutput Schema(string database, JsonArray tables) =>
        Envelope.Success("schema", $"Schema of '{database}': {tables.Count} table(s)", new JsonObject { ["database"] = database, ["tables"] = tables });
}
