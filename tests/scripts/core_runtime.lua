-- Runtime and foundation globals as scripts rely on them (compatibility-matrix.md §A, §G).

-- A1/A3: Lua 5.4 number semantics.
assert.equals(_VERSION, "Lua 5.4")
assert.equals(math.type(3), "integer")
assert.equals(math.type(3.0), "float")
assert.equals(tostring(8.0), "8.0")
assert.equals("x" .. 8.0, "x8.0")
assert.equals(string.format("%d", 8.0), "8")
assert.equals(7 // 2, 3)
assert.equals(5 & 3, 1)

-- A2: Lua patterns, not regular expressions.
assert.truthy(("abc123"):match("^%a+%d+$"))
assert.falsy(("valid@example.com"):match("^[%w._%%+-]+@[%w.-]+%.%a{2,}$"))
assert.equals(("f(a(b)c)"):match("%b()"), "(a(b)c)")

-- A12/A13: globals present by default; optional ones absent.
for _, name in ipairs({ "JSON", "Debug", "Config", "Logger", "ARGS" }) do
  assert.type(_G[name], "table", name)
end
assert.is_nil(RAG)
assert.is_nil(Session)
assert.is_nil(Artifact)

-- A14/A15: errors are strings with locations, concatenable.
local ok, err = pcall(function() error("boom") end)
assert.falsy(ok)
assert.contains("failed: " .. err, "core_runtime.lua:")

-- G2: JSON compact with sorted keys; parse inverts it.
local text = JSON.stringify({ b = 1, a = { 1, 2, 3 }, c = { x = true } })
assert.equals(text, '{"a":[1,2,3],"b":1,"c":{"x":true}}')
assert.equals(JSON.parse(text).c.x, true)
assert.equals(JSON.encode({}), "{}")
assert.equals(JSON.stringify(JSON.array()), "[]")
assert.equals(JSON.parse("null"), nil)
assert.raises("JSON.parse: ", JSON.parse, "{oops")

-- G4: Config and Logger are populated tables.
assert.equals(Config.get("engines.lua.stdlib"), "all")
assert.type(Logger.info, "function")

-- behaviours.md §3.2: a Lua-defined tool is bound by its time limit, enforced through the
-- instruction hook; the script goes on afterwards.
Tool.register("spin_forever", function() while true do end end)
local started = os.clock()
assert.raises("timed out after 300 ms", Tool.invoke, "spin_forever", {}, { timeout_ms = 300 })
local after = 0
for i = 1, 100000 do after = after + 1 end
assert.equals(after, 100000)
assert.truthy(os.clock() - started < 5, "the spinning tool was not stopped")
