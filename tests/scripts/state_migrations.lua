-- Migrations: shortest path, rollback on failure. Runs with migration_enabled = true.
State.save("users", "alice", { name = "Alice" })
State.save("users", "bob", { name = "Bob" })
State.save("other", "x", 1)
State.register_migration("1.0.0", "1.1.0", function(key, value)
  value.version = 2
  return value
end, { scope = "users", description = "add version" })
State.register_migration("1.1.0", "2.0.0", function(key, value)
  if key == "bob" then error("cannot migrate bob") end
  return value
end, { scope = "users" })
local ok = pcall(State.register_migration, "1.0.0", "1.1.0", function(k, v) return v end)
assert.equals(ok, false)
assert.raises("State.migrate: invalid version 'x'", State.migrate, "x")
assert.raises("State.migrate: no migration path from 1.0.0 to 9.0.0", State.migrate, "9.0.0")

local r = State.migrate("1.1.0")
assert.equals(r.success, true)
assert.equals(r.status, "completed")
assert.equals(r.items_migrated, 2)
assert.equals(State.load("users", "alice").version, 2)
assert.equals(State.load("other", "x"), 1)
assert.equals(JSON.stringify(State.list_keys("users")), '["alice","bob"]')

local failed = State.migrate("2.0.0")
assert.equals(failed.success, false)
assert.contains(failed.error, "cannot migrate bob")
assert.equals(State.get_migration_status().current_version, "1.1.0")
assert.equals(State.load("users", "alice").version, 2)
assert.equals(State.migrate("1.1.0").status, "already_current")
assert.equals(JSON.stringify(State.get_schema_versions()), '["1.0.0","1.1.0","2.0.0"]')
