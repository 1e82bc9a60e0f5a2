-- Execute, history, streaming, reply shape against the fake OpenAI-compatible server and the mock.
local a = Agent.builder():name("remote"):model("fake/gpt-4o-mini"):build()
local r = a:execute({ text = "hello", instruction = "Answer:" })
assert.equals(r.text, "Echo: Answer:\n\nhello")
assert.equals(r.metadata.provider, "fake")
assert.equals(r.metadata.model, "gpt-4o-mini")
assert.equals(r.metadata.usage.total_tokens, 15)
assert.equals(r.metadata.token_count, 15)
assert.equals(r.metadata.finish_reason, "stop")
assert.equals(#a:get_history(), 2)
local r2 = a:invoke({ prompt = "again" })
assert.equals(r2.text, "Echo: again")
assert.equals(#a:get_history(), 4)

local seen = {}
local s = a:execute_streaming("one two three", function(chunk)
  table.insert(seen, chunk.text)
  assert.equals(chunk.index, #seen)
end)
assert.equals(table.concat(seen), "Echo: one two three")
assert.equals(s.chunks_received, #seen)
assert.equals(s.success, true)
assert.equals(s.metadata.streamed, true)

local stopped = a:stream("a b c d e", function(chunk) return false end)
assert.equals(stopped.metadata.finish_reason, "cancelled")
assert.equals(stopped.chunks_received, 1)

assert.raises("stream callback error", function()
  a:execute_streaming("x y", function() error("boom") end)
end)

local j = Agent.builder():name("j"):model("mock/json"):build():execute("hi")
assert.equals(j.data.echo, "hi")

local rot = Agent.builder():name("rot"):model("canned/any"):build()
assert.equals(rot:execute("1").text, "first")
assert.equals(rot:execute("2").text, "second")
assert.equals(rot:execute("3").text, "first")

assert.raises("input text is empty", function() a:execute({ text = "" }) end)
local m = a:get_metrics()
assert.equals(m.requests_total >= 4, true)

a:clear_history()
assert.equals(#a:get_history(), 0)
a:set_history({ { role = "user", content = "u" }, { role = "assistant", content = "v" } })
assert.equals(#a:get_history(), 2)
