-- E1-E4: round trip, list, delete, helpers; raw keys and the default scope.
State.save("global", "k", { a = 1, b = "two" })
local v = State.load("global", "k")
assert.equals(v.a, 1)
assert.equals(v.b, "two")
v.a = 99
assert.equals(State.load("global", "k").a, 1) -- load returns a fresh copy

State.save("global", "z", 1)
State.save("other", "k", 1)
assert.equals(JSON.stringify(State.list_keys("global")), '["k","z"]')

assert.equals(State.delete("global", "z"), true)
assert.is_nil(State.load("global", "z"))
assert.equals(State.delete("global", "z"), false)
State.save("global", "k", nil)
assert.is_nil(State.load("global", "k"))

State.agent_set("writer", "history", { "hi" })
assert.equals(State.agent_get("writer", "history")[1], "hi")
State.tool_set("calc", "last", 42)
assert.equals(State.tool_get("calc", "last"), 42)
assert.is_nil(State.workflow_get("data_pipeline", "step1"))
assert.equals(State.load("custom", ":tool:calc:last"), 42)
assert.equals(State.load("tool", "calc:last"), 42)

assert.equals(State.get_scope(), "global")
State.set("x", 5)
assert.equals(State.get("x"), 5)
assert.equals(State.exists("x"), true)
State.set_scope("mine")
State.set("y", 6)
assert.equals(State.load("mine", "y"), 6)
assert.equals(State.clear(), 1)
assert.equals(State.exists("y"), false)

assert.raises("State.save: bad argument #1 'scope'", State.save, "", "k", 1)
assert.raises("cannot convert a function value to JSON", State.save, "global", "f", { cb = function() end })
assert.raises("invalid key", State.save, "global", string.rep("x", 600), 1)
