-- service_checker, database_connector and email_sender without configuration (tools.md §5.24,
-- §5.36, §5.37; C23). Needs the tool pipeline (Tool global) from the registry branch.

-- C23: nothing listens on 127.0.0.1:8080 in the test environment -> negative result, no raise
local tcp = Tool.invoke("service_checker", { check_type = "tcp", target = "127.0.0.1:8080", timeout_seconds = 2 })
assert.equals(tcp.success, true)
assert.type(tcp.result.available, "boolean")
assert.equals(tcp.result.check_type, "tcp")

local denied = Tool.invoke("service_checker", { check_type = "tcp", target = "example.com:80" })
assert.equals(denied.result.available, false)
assert.contains(denied.result.status, "not allowed: ")

local dns = Tool.invoke("service_checker", { check_type = "dns", target = "localhost" })
assert.equals(dns.result.available, true)

assert.raises("invalid parameters", Tool.invoke, "service_checker", { check_type = "tcp", target = "no-port" })
assert.raises("invalid parameters", Tool.invoke, "service_checker", { check_type = "icmp", target = "x" })

-- database_connector: nothing configured -> failure envelopes, never raises
local q = Tool.invoke("database_connector", { operation = "query", database = "nope", sql = "SELECT 1" })
assert.equals(q.success, false)
assert.equals(q.error.code, "not_configured")
assert.equals(q.error.message, "database connection 'nope' is not configured; add [tools.database.connections.nope]")
local conns = Tool.invoke("database-connector", { operation = "list_connections" })
assert.equals(conns.success, true)
assert.raises("invalid parameters", Tool.invoke, "database_connector", { operation = "drop" })

-- email_sender: not configured -> the exact failure envelope
local e = Tool.invoke("email_sender", { to = "a@example.com", subject = "s", body = "b" })
assert.equals(e.operation, "send_email")
assert.equals(e.success, false)
assert.equals(e.error.code, "not_configured")
assert.equals(e.error.message, "email_sender is not configured: set tools.email.smtp_host and tools.email.from_address (or EMAIL_SMTP_HOST and EMAIL_FROM)")
assert.raises("invalid parameters", Tool.invoke, "email_sender", { to = "not-an-address", subject = "s", body = "b" })
