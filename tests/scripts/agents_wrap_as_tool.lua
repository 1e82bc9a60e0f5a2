-- Agent.wrap_as_tool (behaviours.md §3.3): descriptor, envelope, context, errors, use by another agent.
local writer = Agent.create({ name = "writer", model = "mock/echo", description = "Writes drafts." })
local name = Agent.wrap_as_tool("writer")
assert.equals(name, "writer_tool")

-- Listed like any tool, category agent, security restricted.
local listed
for _, t in ipairs(Tool.list()) do
  if t.name == "writer_tool" then listed = t end
end
assert.not_nil(listed)
assert.equals(listed.category, "agent")
assert.equals(listed.security_level, "restricted")
assert.contains(listed.description, "writer")

local t = Tool.get("writer_tool")
assert.equals(t.schema.parameters[1].name, "input")
assert.equals(t.schema.parameters[1].type, "string")
assert.equals(t.schema.parameters[1].required, true)
assert.equals(t.schema.parameters[2].name, "context")
assert.equals(t.schema.parameters[2].required, false)

-- Invoking runs agent:execute and returns the envelope.
local r = Tool.invoke("writer_tool", { input = "hello" })
assert.equals(r.operation, "execute")
assert.equals(r.success, true)
assert.equals(r.result.text, "hello")
assert.equals(r.result.agent, "writer")
assert.equals(r.result.model, "echo")
assert.equals(r.metadata.tool, "writer_tool")

-- Alias text; context is prepended as an instruction; history records the call.
local r2 = t:execute({ text = "body", context = "Be brief" })
assert.equals(r2.result.text, "Be brief\n\nbody")
assert.equals(#writer:get_history(), 4)
assert.equals(writer:get_history()[3].content, "Be brief\n\nbody")

-- Errors.
assert.raises("Agent.wrap_as_tool: agent 'nope' not found", Agent.wrap_as_tool, "nope")
assert.raises("Agent.wrap_as_tool: a tool named 'writer_tool' already exists", Agent.wrap_as_tool, "writer")
assert.raises("a tool named 'calculator' already exists", Agent.wrap_as_tool, "writer", { tool_name = "calculator" })
assert.raises("invalid tool name", Agent.wrap_as_tool, "writer", { tool_name = "no spaces" })
assert.raises("Tool 'writer_tool' invalid parameters", Tool.invoke, "writer_tool", {})

-- Custom name and description.
assert.equals(Agent.wrap_as_tool("writer", { tool_name = "scribe", description = "Writes things" }), "scribe")
assert.equals(Tool.get("scribe").description, "Writes things")
assert.equals(Tool.invoke("scribe", { input = "x" }).result.agent, "writer")

-- Another agent calls the wrapped agent through function calling.
local boss = Agent.create({ name = "boss", model = "mock/echo", allowed_tools = { "writer_tool" } })
local out = boss:execute('[[tool:writer_tool {"input":"draft this","context":"Formal"}]]')
assert.contains(out.text, "Tool writer_tool returned:")
assert.contains(out.text, '"operation": "execute"')
assert.contains(out.text, "Formal\\n\\ndraft this")
assert.equals(out.metadata.tool_calls[1].tool, "writer_tool")
assert.equals(out.metadata.tool_calls[1].success, true)
assert.equals(writer:get_history()[#writer:get_history() - 1].content, "Formal\n\ndraft this")

-- A wrapped agent that fails makes the invocation fail with a message naming the agent.
Agent.create({ name = "broken", model = "mock/error" })
Agent.wrap_as_tool("broken")
assert.raises("Tool 'broken_tool' failed: Agent 'broken' failed", Tool.invoke, "broken_tool", { input = "x" })

-- An agent reaching itself through its own tool fails at once instead of waiting on itself.
-- (Tools resolve their agent by name at each call, so a re-created "loop" may list its own tool.)
Agent.create({ name = "loop", model = "mock/echo" })
Agent.wrap_as_tool("loop")
Agent.remove("loop")
local loop = Agent.create({ name = "loop", model = "mock/echo", allowed_tools = { "loop_tool" } })
local lr = loop:execute('[[tool:loop_tool {"input":"again"}]]')
assert.contains(lr.text, "already running")
assert.equals(lr.metadata.tool_calls[1].success, false)

-- Unregister works; a removed agent fails its tool.
assert.equals(Tool.unregister("scribe"), true)
assert.is_nil(Tool.get("scribe"))
Agent.remove("writer")
assert.raises("Tool 'writer_tool' failed: agent 'writer' not found", Tool.invoke, "writer_tool", { input = "x" })
