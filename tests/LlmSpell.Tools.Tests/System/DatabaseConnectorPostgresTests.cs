using LlmSpell.TestUtilities;
using LlmSpell.Tools.Sys.Data;
using LlmSpell.Values;
using Npgsql;

namespace LlmSpell.Tools.Tests.Sys;

public sealed class DatabaseConnectorPostgresTests
{
    private static (DatabaseConnectorTool Tool, Infrastructure.ToolServices Services) Postgres(string table)
    {
        var cs = Environment.GetEnvironmentVariable("LLMSPELL_TEST_POSTGRES");
        if (string.IsNullOrEmpty(cs))
        {
            Assert.Skip("LLMSPELL_TEST_POSTGRES not set: run eval \"$(.ci/start-postgres.sh)\" to test database_connector against PostgreSQL");
        }

        var b = new NpgsqlConnectionStringBuilder(cs);
        var url = $"postgres://{Uri.EscapeDataString(b.Username ?? "postgres")}:{Uri.EscapeDataString(b.Password ?? string.Empty)}@{b.Host}:{b.Port}/{b.Database}";
        var s = ToolTestServices.Create($"[tools.database.connections.pg]\nurl = \"{url}\"\nallow_ddl = true\n");
        var tool = new DatabaseConnectorTool(s);
        SysTool.Run(tool, s, $$"""{"operation":"execute","database":"pg","query":"DROP TABLE IF EXISTS {{table}}"}""");
        return (tool, s);
    }

    [Fact]
    public void Postgres_RoundTrip_TypesParametersAndSchema()
    {
        var table = "sys_pg_" + Guid.NewGuid().ToString("N")[..8];
        var (tool, s) = Postgres(table);
        SysTool.Run(tool, s, $$"""{"operation":"execute","database":"pg","query":"CREATE TABLE {{table}} (id serial PRIMARY KEY, name text NOT NULL, ok boolean, at timestamptz, data bytea, n numeric DEFAULT 0)"}""");
        var insert = SysTool.Run(tool, s, $$"""{"operation":"execute","database":"pg","query":"INSERT INTO {{table}} (name, ok, at, data) VALUES ($1, $2, '2024-05-01T10:00:00Z', '\\x0102')","params":["ada",true]}""");
        Assert.Equal(1L, JsonValues.AsInteger(SysTool.Result(insert, "rows_affected")));
        SysTool.Run(tool, s, $$"""{"operation":"execute","database":"pg","query":"INSERT INTO {{table}} (name) VALUES (?)","params":["bob"]}""");
        var rows = SysTool.Run(tool, s, $$$"""{"operation":"query","database":"pg","query":"SELECT * FROM {{{table}}} WHERE name = @name OR name = :other ORDER BY id","params":{"name":"ada","other":"bob"}}""");
        Assert.Equal(2L, JsonValues.AsInteger(SysTool.Result(rows, "row_count")));
        Assert.Equal(true, JsonValues.AsBool(SysTool.Result(rows, "rows.0.ok")));
        Assert.Equal("2024-05-01T10:00:00Z", JsonValues.AsString(SysTool.Result(rows, "rows.0.at")));
        Assert.Equal("AQI=", JsonValues.AsString(SysTool.Result(rows, "rows.0.data")));
        Assert.Equal(0L, JsonValues.AsInteger(SysTool.Result(rows, "rows.0.n")));
        Assert.Null(SysTool.Result(rows, "rows.1.ok"));

        var schema = SysTool.Run(tool, s, $$"""{"operation":"schema","database":"pg","table":"{{table}}"}""");
        Assert.Equal(true, JsonValues.AsBool(SysTool.Result(schema, "tables.0.columns.0.primary_key")));
        Assert.Equal(false, JsonValues.AsBool(SysTool.Result(schema, "tables.0.columns.1.nullable")));

        var error = SysTool.Run(tool, s, """{"operation":"query","database":"pg","query":"SELECT * FROM no_such_table_xyz"}""");
        Assert.Equal("query_failed", JsonValues.AsString(error["error"]!["code"]));
        Assert.Contains("no_such_table_xyz", JsonValues.AsString(error["error"]!["message"]), StringComparison.Ordinal);

        var multi = SysTool.Run(tool, s, """{"operation":"query","database":"pg","query":"SELECT $x$;$x$; SELECT 2"}""");
        Assert.Equal("forbidden_statement", JsonValues.AsString(multi["error"]!["code"]));
        var dollar = SysTool.Run(tool, s, """{"operation":"query","database":"pg","query":"SELECT $x$a;b$x$ AS v"}""");
        Assert.Equal("a;b", JsonValues.AsString(SysTool.Result(dollar, "rows.0.v")));
        SysTool.Run(tool, s, $$"""{"operation":"execute","database":"pg","query":"DROP TABLE {{table}}"}""");
    }

    [Fact]
    public void Postgres_StatementTimeout_Raises()
    {
        var (tool, s) = Postgres("sys_pg_unused");
        var failure = SysTool.Fails(tool, s, """{"operation":"query","database":"pg","query":"SELECT pg_sleep(5)","timeout_seconds":1}""");
        Assert.Equal("timeout", failure.Code);
    }

    [Fact]
    public void Postgres_ReadOnlyConnection_RefusesWritesEvenThroughSelect()
    {
        var (tool, s) = Postgres("sys_pg_ro");
        SysTool.Run(tool, s, """{"operation":"execute","database":"pg","query":"CREATE SEQUENCE IF NOT EXISTS sys_pg_ro_seq"}""");
        var cs = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("LLMSPELL_TEST_POSTGRES"));
        var ro = ToolTestServices.Create($"[tools.database.connections.ro]\nurl = \"postgres://{cs.Username}@{cs.Host}:{cs.Port}/{cs.Database}\"\nread_only = true\n");
        var env = SysTool.Run(new DatabaseConnectorTool(ro), ro, """{"operation":"query","database":"ro","query":"SELECT nextval('sys_pg_ro_seq')"}""");
        Assert.Equal("query_failed", JsonValues.AsString(env["error"]!["code"]));
        Assert.Contains("read-only", JsonValues.AsString(env["error"]!["message"]), StringComparison.Ordinal);
    }
}
