-- Network policy at the script level (tools.md §2.2) with the DEFAULT configuration: no server
-- is needed because every request below is refused before anything is sent.
local function denied(tool, params, reason)
  local canonical = tool:gsub("-", "_")
  local err = assert.raises("Tool '" .. canonical .. "' failed: security violation: ", Tool.invoke, tool, params)
  assert.contains(err, reason)
end

local private = "is a private address; set tools.network.block_private_addresses = false to allow it"
denied("http_request", { url = "http://127.0.0.1:8080/" }, "host '127.0.0.1' " .. private)
denied("http_request", { input = "http://localhost/" }, "host 'localhost' " .. private)
denied("http_request", { input = "http://10.0.0.5/" }, "host '10.0.0.5' " .. private)
denied("web_scraper", { input = "http://169.254.169.254/latest/meta-data" }, "host '169.254.169.254' " .. private)
denied("api_tester", { input = "http://2130706433/" }, "integer, octal or hexadecimal form")
denied("http_request", { input = "file:///etc/passwd" }, "URL scheme 'file' is not allowed")
denied("sitemap_crawler", { input = "http://example.com:22/sitemap.xml" }, "port 22 is blocked by tools.network.blocked_ports")
denied("graphql_query", { endpoint = "http://metadata.google.internal/graphql", query = "{ a }" }, "host 'metadata.google.internal' " .. private)
denied("url_analyzer", { input = "http://127.0.0.1/", fetch_metadata = true }, "host '127.0.0.1' " .. private)

-- Hyphenated aliases resolve to the same tools and the same policy (errors name the canonical tool).
denied("webhook-caller", { url = "http://localhost:9/hook" }, "host 'localhost' " .. private)
denied("webpage-monitor", { url = "http://[::1]/" }, "host '::1' " .. private)

-- Parsing alone needs no network and no policy.
local r = Tool.invoke("url_analyzer", { input = "https://Example.com/a?x=1#f" })
assert.equals(r.success, true)
assert.equals(r.result.host, "example.com")
assert.equals(r.result.query_params.x, "1")

-- Bad input raises with the pipeline's wording.
assert.raises("Tool 'http_request' invalid parameters: missing required parameter 'input'", Tool.invoke, "http_request", {})
assert.raises("Tool 'web_scraper' failed: wait_for_js is unsupported", Tool.invoke, "web_scraper", { input = "https://example.com/", wait_for_js = true })

-- A webhook to an unresolvable host never ends the script: it returns a failure envelope (C26).
local w = Tool.invoke("webhook_caller", { input = "https://hooks.nowhere.invalid/x", payload = { a = 1 } })
assert.equals(w.success, false)
assert.equals(w.error.code, "network_error")
assert.equals(w.result.retry_count, 0)
print("tools_web_policy ok")
