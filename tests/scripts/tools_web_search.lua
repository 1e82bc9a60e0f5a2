-- web_search against fake provider endpoints (tools.web_search.endpoints.*), configured by
-- WebScriptTests; ARGS[1] marks that the fakes are up.
if not (ARGS and ARGS[1]) then
  print("tools_web_search: no fake providers given (ARGS[1]); skipped")
  return
end

local r = Tool.invoke("web_search", { query = "lua", max_results = 2 })
assert.equals(r.success, true)
assert.equals(r.result.provider, "duckduckgo")
assert.equals(r.result.count, 2)
assert.equals(r.result.results[1].url, "https://docs.example.com/lua")
assert.equals(r.message, "Found 2 results for 'lua' using duckduckgo")

local b = Tool.invoke("web_search", { input = "lua", provider = "brave" })
assert.equals(b.result.provider, "brave")

-- No key for tavily: the fallback chain answers.
local f = Tool.invoke("web_search", { input = "lua", provider = "tavily" })
assert.equals(f.result.provider, "duckduckgo")

local none = Tool.invoke("web_search", { input = "nothing" })
assert.equals(none.success, true)
assert.equals(none.result.count, 0)
print("tools_web_search ok")
