using System.Text.Json.Nodes;
using LlmSpell.TestUtilities;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Sys.Data;
using LlmSpell.Values;

namespace LlmSpell.Tools.Tests.Sys;

public sealed class DatabaseConnectorToolTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private (DatabaseConnectorTool Tool, ToolServices Services) Sqlite(string extra = "allow_ddl = true")
    {
        var toml = $"[tools.database.connections.default]\nurl = \"sqlite://{_dir.File("test.db")}\"\n{extra}\n";
        var s = ToolTestServices.Create(toml);
        return (new DatabaseConnectorTool(s), s);
    }

    private static JsonObject Run(DatabaseConnectorTool tool, ToolServices s, string json) => SysTool.Run(tool, s, json);

    private static void Seed(DatabaseConnectorTool tool, ToolServices s)
    {
        Run(tool, s, """{"operation":"execute","query":"CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL, note TEXT DEFAULT 'none', avatar BLOB)"}""");
        Run(tool, s, """{"operation":"execute","query":"INSERT INTO users (name, score, note, avatar) VALUES (?, ?, ?, X'010203')","params":["ada",9.5,null]}""");
        Run(tool, s, """{"operation":"execute","query":"INSERT INTO users (name, score) VALUES (:name, @score)","params":{"name":"bob","score":7}}""");
    }

    [Fact]
    public void Sqlite_ExecuteAndQuery_MapTypesAndOmitNulls()
    {
        var (tool, s) = Sqlite();
        Seed(tool, s);
        var env = Run(tool, s, """{"operation":"query","query":"SELECT id, name, score, note, avatar FROM users ORDER BY id"}""");
        Assert.Equal("Query returned 2 rows", JsonValues.AsString(env["message"]));
        var first = SysTool.Result(env, "rows.0")!;
        Assert.Equal(1L, JsonValues.AsInteger(first["id"]));
        Assert.Equal("ada", JsonValues.AsString(first["name"]));
        Assert.Equal(9.5, JsonValues.AsDouble(first["score"]));
        Assert.False(((JsonObject)first).ContainsKey("note"));
        Assert.Equal("AQID", JsonValues.AsString(first["avatar"]));
        Assert.Equal("none", JsonValues.AsString(SysTool.Result(env, "rows.1.note")));
        Assert.Equal("name", JsonValues.AsString(SysTool.Result(env, "columns.1.name")));
        Assert.Equal(false, JsonValues.AsBool(SysTool.Result(env, "truncated")));
    }

    [Fact]
    public void Sqlite_Execute_ReportsRowsAffectedAndLastInsertId()
    {
        var (tool, s) = Sqlite();
        Seed(tool, s);
        var insert = Run(tool, s, """{"operation":"execute","query":"INSERT INTO users (name) VALUES ($1)","params":["cy"]}""");
        Assert.Equal(3L, JsonValues.AsInteger(SysTool.Result(insert, "last_insert_id")));
        var update = Run(tool, s, """{"operation":"execute","query":"UPDATE users SET score = 1 WHERE id > ?","params":[1]}""");
        Assert.Equal("Statement affected 2 rows", JsonValues.AsString(update["message"]));
        Assert.Equal(2L, JsonValues.AsInteger(SysTool.Result(update, "rows_affected")));
    }

    [Fact]
    public void Sqlite_ParametersAreBoundNotInterpolated()
    {
        var (tool, s) = Sqlite();
        Seed(tool, s);
        var env = Run(tool, s, """{"operation":"query","query":"SELECT count(*) AS n FROM users WHERE name = ?","params":["x' OR '1'='1"]}""");
        Assert.Equal(0L, JsonValues.AsInteger(SysTool.Result(env, "rows.0.n")));
        var literal = Run(tool, s, """{"operation":"query","query":"SELECT '?' AS q, ? AS p","params":["bound"]}""");
        Assert.Equal("?", JsonValues.AsString(SysTool.Result(literal, "rows.0.q")));
        Assert.Equal("bound", JsonValues.AsString(SysTool.Result(literal, "rows.0.p")));
    }

    [Fact]
    public void Sqlite_MaxRows_Truncates()
    {
        var (tool, s) = Sqlite();
        var env = Run(tool, s, """{"operation":"query","query":"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 50) SELECT x FROM c","max_rows":10}""");
        Assert.Equal(10L, JsonValues.AsInteger(SysTool.Result(env, "row_count")));
        Assert.Equal(true, JsonValues.AsBool(SysTool.Result(env, "truncated")));
    }

    [Theory]
    [InlineData("query", "SELECT 1; DROP TABLE users")]
    [InlineData("query", "SELECT 1; -- c\n SELECT 2")]
    [InlineData("query", "DELETE FROM users")]
    [InlineData("query", "WITH x AS (SELECT 1) DELETE FROM users")]
    [InlineData("execute", "SELECT * FROM users")]
    [InlineData("execute", "ATTACH DATABASE '/etc/x' AS y")]
    [InlineData("query", "PRAGMA journal_mode = DELETE")]
    [InlineData("query", "PRAGMA cache_size(100)")]
    public void Sqlite_ForbiddenStatements_AreFailureEnvelopes(string op, string sql)
    {
        var (tool, s) = Sqlite();
        Seed(tool, s);
        var env = Run(tool, s, $$"""{"operation":"{{op}}","query":{{SysTool.Json(sql)}}}""");
        Assert.Equal(false, JsonValues.AsBool(env["success"]));
        Assert.Equal("forbidden_statement", JsonValues.AsString(env["error"]!["code"]));
    }

    [Theory]
    [InlineData("SELECT 'a;b' AS v;")]
    [InlineData("SELECT \"x;y\" FROM (SELECT 1 AS \"x;y\") /* ; */ -- ;\n")]
    public void Sqlite_SemicolonsInsideLiteralsOrComments_AreOneStatement(string sql)
    {
        var (tool, s) = Sqlite();
        var env = Run(tool, s, $$"""{"operation":"query","query":{{SysTool.Json(sql)}}}""");
        Assert.Equal(true, JsonValues.AsBool(env["success"]));
    }

    [Fact]
    public void Sqlite_ReadOnlyPragmas_AreQueries()
    {
        var (tool, s) = Sqlite();
        Seed(tool, s);
        var info = Run(tool, s, """{"operation":"query","query":"PRAGMA table_info(users)"}""");
        Assert.Equal(5L, JsonValues.AsInteger(SysTool.Result(info, "row_count")));
        var setting = Run(tool, s, """{"operation":"query","query":"PRAGMA user_version"}""");
        Assert.Equal(true, JsonValues.AsBool(setting["success"]));
    }

    [Fact]
    public void Sqlite_DdlWithoutAllowDdl_IsForbidden()
    {
        var (tool, s) = Sqlite("");
        var env = Run(tool, s, """{"operation":"execute","query":"CREATE TABLE t (x)"}""");
        Assert.Equal("forbidden_statement", JsonValues.AsString(env["error"]!["code"]));
        Assert.Contains("allow_ddl", JsonValues.AsString(env["error"]!["message"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_ReadOnlyConnection_RejectsExecuteButQueries()
    {
        var (tool, s) = Sqlite();
        Seed(tool, s);
        var ro = ToolTestServices.Create($"[tools.database.connections.ro]\nurl = \"sqlite://{_dir.File("test.db")}\"\nread_only = true\n");
        var roTool = new DatabaseConnectorTool(ro);
        var denied = Run(roTool, ro, """{"operation":"execute","database":"ro","query":"DELETE FROM users"}""");
        Assert.Equal("forbidden_statement", JsonValues.AsString(denied["error"]!["code"]));
        var rows = Run(roTool, ro, """{"operation":"query","database":"ro","query":"SELECT count(*) AS n FROM users"}""");
        Assert.Equal(2L, JsonValues.AsInteger(SysTool.Result(rows, "rows.0.n")));
    }

    [Fact]
    public void Sqlite_SqlError_IsQueryFailedWithDatabaseMessage()
    {
        var (tool, s) = Sqlite();
        var env = Run(tool, s, """{"operation":"query","query":"SELECT * FROM missing_table"}""");
        Assert.Equal("query_failed", JsonValues.AsString(env["error"]!["code"]));
        Assert.Contains("no such table: missing_table", JsonValues.AsString(env["error"]!["message"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_Schema_DescribesColumns()
    {
        var (tool, s) = Sqlite();
        Seed(tool, s);
        var env = Run(tool, s, """{"operation":"schema","table":"users"}""");
        Assert.Equal("users", JsonValues.AsString(SysTool.Result(env, "tables.0.name")));
        Assert.Equal("id", JsonValues.AsString(SysTool.Result(env, "tables.0.columns.0.name")));
        Assert.Equal(true, JsonValues.AsBool(SysTool.Result(env, "tables.0.columns.0.primary_key")));
        Assert.Equal(false, JsonValues.AsBool(SysTool.Result(env, "tables.0.columns.1.nullable")));
        Assert.Equal("'none'", JsonValues.AsString(SysTool.Result(env, "tables.0.columns.3.default")));
    }

    [Fact]
    public void MemoryDatabase_PersistsAcrossCallsOfOneTool()
    {
        var s = ToolTestServices.Create("[tools.database.connections.mem]\nurl = \"sqlite::memory:\"\nallow_ddl = true\n");
        using var tool = new DatabaseConnectorTool(s);
        Run(tool, s, """{"operation":"execute","database":"mem","query":"CREATE TABLE t (x INTEGER)"}""");
        Run(tool, s, """{"operation":"execute","database":"mem","query":"INSERT INTO t VALUES (1), (2)"}""");
        var env = Run(tool, s, """{"operation":"query","database":"mem","query":"SELECT sum(x) AS s FROM t"}""");
        Assert.Equal(3L, JsonValues.AsInteger(SysTool.Result(env, "rows.0.s")));
    }

    [Fact]
    public void ListConnections_HasNoCredentials()
    {
        var s = ToolTestServices.Create("[tools.database.connections.pg]\nurl = \"postgres://u:hunter2@db.example:5432/app\"\nread_only = true\n[tools.database.connections.lite]\nurl = \"sqlite::memory:\"\n");
        var env = Run(new DatabaseConnectorTool(s), s, """{"operation":"list_connections"}""");
        Assert.DoesNotContain("hunter2", env.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("sqlite", JsonValues.AsString(SysTool.Result(env, "connections.0.kind")));
        Assert.Equal("postgres", JsonValues.AsString(SysTool.Result(env, "connections.1.kind")));
        Assert.Equal(true, JsonValues.AsBool(SysTool.Result(env, "connections.1.read_only")));
    }

    [Fact]
    public void UnknownConnection_IsNotConfiguredEnvelope()
    {
        var s = ToolTestServices.Create();
        var env = Run(new DatabaseConnectorTool(s), s, """{"operation":"query","database":"nope","query":"SELECT 1"}""");
        Assert.Equal("not_configured", JsonValues.AsString(env["error"]!["code"]));
        Assert.Equal("database connection 'nope' is not configured; add [tools.database.connections.nope]", JsonValues.AsString(env["error"]!["message"]));
    }

    [Fact]
    public void SqliteFileOutsideSandbox_Raises()
    {
        var s = ToolTestServices.Create("[tools.database.connections.default]\nurl = \"sqlite:///etc/llmspell.db\"\n");
        Assert.Equal(ToolFailureKind.SecurityViolation, SysTool.Fails(new DatabaseConnectorTool(s), s, """{"operation":"query","query":"SELECT 1"}""").Kind);
    }

    [Fact]
    public void BadParameters_Raise()
    {
        var (tool, s) = Sqlite();
        Assert.Equal("Tool 'database_connector' invalid parameters: missing required parameter 'query'", SysTool.Raises(tool, s, """{"operation":"query"}"""));
        Assert.Equal(ToolFailureKind.InvalidParameters, SysTool.Fails(tool, s, """{"operation":"drop"}""").Kind);
        Assert.Equal(ToolFailureKind.InvalidParameters, SysTool.Fails(tool, s, """{"operation":"query","query":"SELECT ?","params":[{"a":1}]}""").Kind);
        Assert.Equal(ToolFailureKind.InvalidParameters, SysTool.Fails(tool, s, """{"operation":"query","query":"SELECT 1","params":"x"}""").Kind);
    }

    [Fact]
    public void DatabaseUrl_DefinesDefaultWhenNothingConfigured()
    {
        try
        {
            Environment.SetEnvironmentVariable("DATABASE_URL", "sqlite:///" + _dir.File("env.db").TrimStart('/'));
            var s = ToolTestServices.Create();
            var tool = new DatabaseConnectorTool(s);
            var list = Run(tool, s, """{"operation":"list_connections"}""");
            Assert.Equal("default", JsonValues.AsString(SysTool.Result(list, "connections.0.name")));
            var env = Run(tool, s, """{"operation":"query","query":"SELECT 41 + 1 AS answer"}""");
            Assert.Equal(42L, JsonValues.AsInteger(SysTool.Result(env, "rows.0.answer")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DATABASE_URL", null);
        }
    }
}
