-- The Tool global beyond invoke: get/info/schema/discover/register/unregister/batch.
local t = Tool.get("hash_calculator")
assert.equals(type(t), "userdata")
assert.equals(t.name, "hash_calculator")
assert.equals(t.category, "utility")
assert.equals(t.security_level, "restricted")
assert.equals(t.requires_network, false)
assert.equals(t.schema.name, "hash_calculator")
local found
for _, p in ipairs(t.schema.parameters) do if p.name == "algorithm" then found = p end end
assert.equals(found.type, "string")
assert.equals(found.default, "sha256")
assert.equals(found.required, false)
assert.equals(t:execute({ input = "test data" }).result.hash:sub(1, 8), "916f0027")
assert.equals(t.execute({ input = "test data" }).result.hash:sub(1, 8), "916f0027")
assert.is_nil(Tool.get("nope"))
assert.is_nil(Tool.nope_not_a_tool)
assert.equals(type(Tool.list), "function")
assert.equals(Tool.get_info("calculator").name, "calculator")
assert.is_nil(Tool.get_info("calculator").execute)
assert.equals(Tool.get_schema("calculator").name, "calculator")
assert.truthy(Tool.is_available("calculator"))
assert.falsy(Tool.exists("nope"))

local cats = Tool.categories()
assert.truthy(#cats >= 1)
for _, d in ipairs(Tool.discover({ category = "utility" })) do assert.equals(d.category, "utility") end
local tagged = Tool.discover({ tag = "HASH" })
assert.equals(tagged[1].name, "hash_calculator")

-- Parameter validation errors.
assert.raises("Tool 'hash_calculator' invalid parameters: parameter 'algorithm': expected one of md5, sha1, sha256, sha384, sha512, got 'crc'",
  Tool.invoke, "hash_calculator", { input = "x", algorithm = "crc" })
assert.raises("Tool 'text_manipulator' invalid parameters: missing required parameter 'input'",
  Tool.invoke, "text_manipulator", { operation = "uppercase" })
assert.equals(Tool.invoke("hash_calculator", { input = "x", algorithm = " SHA-256 " }).result.algorithm, "SHA-256")

-- Lua-defined tools.
local name = Tool.register({
  name = "shout", description = "Upper-cases", parameters = { { name = "text", type = "string", required = true } },
  execute = function(params, ctx) return params.text:upper() .. "|" .. ctx.tool .. "|" .. ctx.caller end,
})
assert.equals(name, "shout")
assert.equals(Tool.invoke("shout", { text = "hi" }).text, "HI|shout|script")
assert.raises("Tool 'shout' invalid parameters: missing required parameter 'text'", Tool.invoke, "shout", {})
assert.raises("Tool.register: a tool named 'shout' already exists", Tool.register, "shout", function() end)
assert.raises("already exists", Tool.register, "hash-calculator", function() end)
assert.raises("Tool.register", Tool.register, "1bad", function() end)

Tool.register("env_tool", function(p) return { success = true, operation = "x", result = { n = p.n } } end)
local env = Tool.invoke("env_tool", { n = 3 })
assert.equals(env.result.n, 3)
assert.is_nil(env.text)
Tool.register("json_tool", function() return { 1, 2 } end)
assert.equals(Tool.invoke("json_tool").data[2], 2)
Tool.register("nil_tool", function() end)
assert.equals(Tool.invoke("nil_tool").text, "")
Tool.register("num_tool", function() return 1.5 end)
assert.equals(Tool.invoke("num_tool").text, "1.5")
Tool.register("boom", function() error("kaput", 0) end)
assert.raises("Tool 'boom' failed: kaput", Tool.invoke, "boom", {})

assert.equals(Tool.unregister("boom"), true)
assert.equals(Tool.unregister("boom"), false)
assert.raises("Tool.unregister: built-in tool 'calculator' cannot be unregistered", Tool.unregister, "calculator")

-- Batch: parallel Lua tools run through worker threads and back to the script thread.
local calls = {}
for i = 1, 8 do calls[i] = { name = "shout", params = { text = "n" .. i } } end
calls[9] = { tool = "nonexistent_tool" }
local results = Tool.batch(calls, { parallel = true, max_concurrency = 3 })
assert.equals(#results, 9)
for i = 1, 8 do
  assert.equals(results[i].success, true)
  assert.equals(results[i].result.text, "N" .. i .. "|shout|script")
end
assert.equals(results[9].success, false)
assert.contains(results[9].error, "not found")

local stopped = Tool.batch({ { name = "boom2" }, { name = "calculator", params = { input = "1" } } }, { stop_on_error = true })
assert.equals(stopped[1].success, false)
assert.equals(stopped[2].error, "not executed")
