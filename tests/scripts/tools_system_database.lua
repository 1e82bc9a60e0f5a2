-- database_connector and email_sender with configuration (tools.md §5.36, §5.37). SystemScriptTests
-- configures [tools.database.connections.main] (SQLite, allow_ddl) and [tools.email] pointing at an
-- in-process SMTP server, and passes ARGS[1] = "configured". A generic runner with default config
-- has neither, so the script only says so.
if not (ARGS and ARGS[1] == "configured") then
  print("tools_system_database: no database/SMTP configuration given (ARGS[1]); skipped")
  return
end

local function db(params)
  params.database = params.database or "main"
  return Tool.invoke("database_connector", params)
end

assert.equals(db({ operation = "execute", sql = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, stars REAL)" }).success, true)
local ins = db({ operation = "execute", query = "INSERT INTO notes (body, stars) VALUES (?, ?)", params = { "first", 4.5 } })
assert.equals(ins.result.rows_affected, 1)
assert.equals(ins.result.last_insert_id, 1)
db({ operation = "execute", query = "INSERT INTO notes (body) VALUES (:body)", params = { body = "x'); DROP TABLE notes; --" } })

local q = db({ operation = "query", query = "SELECT id, body, stars FROM notes ORDER BY id" })
assert.equals(q.message, "Query returned 2 rows")
assert.equals(q.result.row_count, 2)
assert.equals(q.result.rows[1].body, "first")
assert.equals(q.result.rows[1].stars, 4.5)
assert.equals(q.result.rows[2].body, "x'); DROP TABLE notes; --")
assert.is_nil(q.result.rows[2].stars)

local multi = db({ operation = "query", query = "SELECT 1; DELETE FROM notes" })
assert.equals(multi.success, false)
assert.equals(multi.error.code, "forbidden_statement")
local wrong = db({ operation = "query", query = "DELETE FROM notes" })
assert.equals(wrong.error.code, "forbidden_statement")
local bad = db({ operation = "query", query = "SELECT nope FROM notes" })
assert.equals(bad.error.code, "query_failed")
assert.contains(bad.error.message, "no such column")

local schema = db({ operation = "schema", table = "notes" })
assert.equals(schema.result.tables[1].name, "notes")
assert.equals(schema.result.tables[1].columns[1].primary_key, true)

local conns = Tool.invoke("database_connector", { operation = "list_connections" })
assert.equals(conns.result.connections[1].name, "main")
assert.equals(conns.result.connections[1].kind, "sqlite")

local sent = Tool.invoke("email_sender", { to = { "a@example.com", "b@example.com" }, subject = "Report", body = "<b>done</b>", html = true })
assert.equals(sent.success, true)
assert.equals(sent.message, "Email sent to 2 recipient(s)")
assert.equals(sent.result.provider, "smtp")
assert.type(sent.result.message_id, "string")
print("sent " .. sent.result.message_id)
