using System.Data.Common;
using System.Text.Json.Nodes;
using LlmSpell.Values;
using Npgsql;

namespace LlmSpell.Tools.Sys.Data;

/// <summary>Schema introspection for the <c>schema</c> operation (tables with their columns).</summary>
internal static class SchemaReader
{
    public static Task<JsonArray> ReadAsync(DbConnection connection, string? table, CancellationToken ct) =>
        connection is NpgsqlConnection ? PostgresAsync(connection, table, ct) : SqliteAsync(connection, table, ct);

    private static async Task<JsonArray> SqliteAsync(DbConnection connection, string? table, CancellationToken ct)
    {
        var names = new List<string>();
        await using (var list = DbSessionFactory.Command(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", null, 30))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new JsonArray();
        foreach (var name in names.Where(n => table is null || string.Equals(n, table, StringComparison.OrdinalIgnoreCase)))
        {
            var columns = new JsonArray();
            var parameters = new JsonArray(JsonValue.Create(name));
            await using var info = DbSessionFactory.Command(connection, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)", parameters, 30);
            await using var reader = await info.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                columns.Add((JsonNode)Column(reader.GetString(0), reader.GetString(1), reader.GetInt64(2) == 0, reader.GetInt64(4) > 0, reader.IsDBNull(3) ? null : reader.GetString(3)));
            }

            tables.Add((JsonNode)new JsonObject { ["name"] = name, ["columns"] = columns });
        }

        return tables;
    }

    private static async Task<JsonArray> PostgresAsync(DbConnection connection, string? table, CancellationToken ct)
    {
        const string Sql = """
            SELECT c.table_name, c.column_name, c.data_type, c.is_nullable = 'YES', c.column_default,
                   EXISTS (SELECT 1 FROM information_schema.table_constraints tc
                           JOIN information_schema.key_column_usage k
                             ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema AND k.table_name = tc.table_name
                           WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = c.table_schema
                             AND tc.table_name = c.table_name AND k.column_name = c.column_name)
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND ($1::text IS NULL OR c.table_name = $1)
            ORDER BY c.table_name, c.ordinal_position
            """;
        var byTable = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        var order = new List<string>();
        await using var command = DbSessionFactory.Command(connection, Sql, new JsonArray(table is null ? null : JsonValue.Create(table)), 30);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var name = reader.GetString(0);
            if (!byTable.TryGetValue(name, out var columns))
            {
                byTable[name] = columns = [];
                order.Add(name);
            }

            columns.Add((JsonNode)Column(reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(5), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return [.. order.Select(n => (JsonNode?)new JsonObject { ["name"] = n, ["columns"] = byTable[n] })];
    }

    private static JsonObject Column(string name, string type, bool nullable, bool primaryKey, string? defaultValue)
    {
        var column = new JsonObject { ["name"] = name, ["type"] = type, ["nullable"] = nullable, ["primary_key"] = primaryKey };
        if (defaultValue is not null)
        {
            column["default"] = defaultValue;
        }

        return column;
    }
}
