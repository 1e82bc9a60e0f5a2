-- environment_reader and system_monitor through the Tool global (tools.md §2.4, §5.22, §5.25; C22).
-- Needs the tool pipeline (Tool global) from the registry branch.

local path = Tool.invoke("environment_reader", { operation = "get", variable_name = "PATH" })
assert.equals(path.success, true)
assert.equals(path.result.found, true)
assert.type(path.result.value, "string")

local byName = Tool.invoke("environment_reader", { operation = "get", name = "HOME" })
assert.equals(byName.result.variable_name, "HOME")

assert.raises("security violation: access to environment variable 'API_KEY_X' is not permitted",
  Tool.invoke, "environment_reader", { operation = "get", variable_name = "API_KEY_X" })

local invisible = Tool.invoke("environment_reader", { operation = "get", variable_name = "SOME_RANDOM_LLMSPELL_TEST_VAR" })
assert.equals(invisible.result.found, false)
assert.is_nil(invisible.result.value)

local list = Tool.invoke("environment_reader", { operation = "list" })
for name in pairs(list.result.variables) do
  assert.falsy(name:upper():find("^API_"), "API_* must be hidden: " .. name)
  assert.falsy(name:upper():find("KEY"), "*KEY* must be hidden: " .. name)
end
assert.truthy(list.result.count <= 100)

local pattern = Tool.invoke("environment_reader", { operation = "pattern", pattern = "PA*" })
assert.equals(pattern.result.pattern, "PA*")

assert.raises("security violation", Tool.invoke, "environment_reader", { operation = "set", variable_name = "LLMSPELL_X", value = "1" })
assert.raises("invalid parameters", Tool.invoke, "environment_reader", { operation = "delete" })

local mon = Tool.invoke("system_monitor", {})
assert.equals(mon.success, true)
assert.type(mon.result.cpu_count, "number")
assert.type(mon.result.hostname, "string")
assert.type(mon.result.process.pid, "number")
local mem = Tool.invoke("system_monitor", { operation = "memory" })
assert.is_nil(mem.result.cpu_count)
assert.raises("invalid parameters", Tool.invoke, "system_monitor", { operation = "gpu" })
