-- Web tools against the test site on 127.0.0.1 (started by WebScriptTests, which passes its base
-- URL as ARGS[1] and sets tools.network.block_private_addresses = false). Without a base URL
-- (a generic runner with default config) there is nothing to talk to, so the script only says so.
local base = ARGS and ARGS[1]
if not base then
  print("tools_web_loopback: no test site given (ARGS[1]); skipped")
  return
end

local r = Tool.invoke("http_request", { url = base .. "/json" })
assert.equals(r.success, true)
assert.equals(r.result.status_code, 200)
assert.equals(r.result.body.name, "llmspell")
assert.equals(r.result.body_is_json, true)

local notfound = Tool.invoke("http_request", { url = base .. "/status/404" })
assert.equals(notfound.success, true)
assert.equals(notfound.result.status_code, 404)

local hook = Tool.invoke("webhook-caller", { url = base .. "/hook", payload = { event = "ping" }, secret = "s3cret" })
assert.equals(hook.success, true)
assert.equals(hook.result.success, true)
assert.equals(hook.result.response.json.received, true)

local down = Tool.invoke("webhook_caller", { url = base .. "/hook500", max_retries = 1, retry_base_delay_ms = 10 })
assert.equals(down.success, true)
assert.equals(down.result.success, false)
assert.equals(down.result.status_code, 500)
assert.equals(down.result.retry_count, 1)

local page = Tool.invoke("web_scraper", { url = base .. "/page.html", selector = "li.item", extract_links = true })
assert.equals(page.result.content.selected_content[1], "One")
assert.equals(page.result.links[1], base .. "/other.html")

local map = Tool.invoke("sitemap-crawler", { url = base .. "/sitemap-index.xml" })
assert.equals(map.success, true)
assert.equals(map.result.stats.index_files_found, 1)

local empty = Tool.invoke("sitemap_crawler", { url = base .. "/empty.xml" })
assert.equals(empty.success, false)
assert.equals(empty.error.message, "No sitemaps could be processed or no URLs found")

local gql = Tool.invoke("graphql_query", { endpoint = base .. "/graphql", query = "query { x }", variables = { id = 3 } })
assert.equals(gql.result.result.data.echo.id, 3)
assert.raises("GraphQL errors: field 'failing' exploded", Tool.invoke, "graphql_query", { endpoint = base .. "/graphql", query = "{ failing }" })

local t = Tool.invoke("api_tester", { url = base .. "/json", expected_status = 200, expected_body_contains = "items" })
assert.equals(t.result.passed, true)

local m1 = Tool.invoke("webpage_monitor", { url = base .. "/monitor" })
local m2 = Tool.invoke("webpage_monitor", { url = base .. "/monitor", previous_content = m1.result.current_content .. "\nold line" })
assert.equals(m2.result.has_changes, true)
assert.equals(m2.result.changes[1].type, "deletion")

assert.raises("Tool 'http_request' failed: request to", Tool.invoke, "http_request", { url = base .. "/slow", timeout_seconds = 1, retry = { max_attempts = 1 } })
print("tools_web_loopback ok")
