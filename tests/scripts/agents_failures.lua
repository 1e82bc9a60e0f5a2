-- Provider failures reach scripts as clear errors naming the agent, provider and cause.
local e = Agent.builder():name("err"):model("mock/error"):build()
local ok, msg = pcall(function() return e:execute("x") end)
assert.falsy(ok)
assert.contains(msg, "Agent 'err' failed: provider 'mock' returned HTTP 500: mock provider error")
assert.equals(e:get_metrics().requests_failed, 1)
assert.contains(e:get_last_error(), "HTTP 500")
assert.equals(e:get_health().status, "unhealthy")

local dead = Agent.builder():name("dead"):model("unreachable/gpt-4o-mini"):build()
local ok2, msg2 = pcall(function() return dead:execute("x") end)
assert.falsy(ok2)
assert.contains(msg2, "provider 'unreachable' is not reachable at http://127.0.0.1:9")
