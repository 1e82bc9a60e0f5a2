-- ABOUTME: An agent with conversation history, streaming and tool calling, offline through the built-in mock provider.
-- Run: ./llmspell run examples/script-users/getting-started/02-first-agent.lua
-- With a real model: build it with :model("openai/gpt-4o-mini") and set OPENAI_API_KEY.
-- expect: Echo: What is the capital of France?
-- expect: Streamed 4 chunks
-- expect: Tool uuid_generator returned:

local agent = Agent.builder()
  :name("assistant")
  :description("An offline demo agent")
  :model("mock/echo")          -- replies with the user message verbatim
  :build()

local reply = agent:execute({ text = "What is the capital of France?" })
print("Echo: " .. reply.text)
print("Provider: " .. reply.metadata.provider .. ", model: " .. reply.metadata.model)
print("History length: " .. #agent:get_history())

-- Streaming delivers chunks to the callback as they arrive.
local chunks = 0
local streamed = agent:execute_streaming({ text = "one two three four" }, function(chunk)
  chunks = chunks + 1
end)
print("Streamed " .. streamed.chunks_received .. " chunks")

-- Tool calling: the mock requests the tool named in [[tool:<name> <json>]] and reports its output.
local worker = Agent.builder():name("worker"):model("mock/echo"):allowed_tools({ "uuid_generator" }):build()
local result = worker:execute({ text = 'Make an id [[tool:uuid_generator {"operation":"generate"}]]' })
print(result.text:sub(1, 40))

return { reply = reply.text, chunks = chunks }
