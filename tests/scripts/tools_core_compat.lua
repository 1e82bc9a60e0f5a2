-- Compatibility rows C1-C3, C12-C20, C25 (compatibility-matrix.md) for the Tool global.

-- C2: one entry per registered tool, with name/description/version/category.
local list = Tool.list()
assert.truthy(#list >= 10, "at least the utility tools are registered")
for _, t in ipairs(list) do
  assert.type(t.name, "string"); assert.type(t.description, "string")
  assert.type(t.version, "string"); assert.type(t.category, "string")
end
for i = 2, #list do assert.truthy(list[i - 1].name < list[i].name, "sorted by name") end

-- C1: every canonical name from tools.md §3 that is registered resolves by its hyphenated alias.
local catalog = {
  "base64_encoder", "calculator", "data_validation", "date_time_handler", "diff_calculator",
  "hash_calculator", "template_engine", "text_manipulator", "uuid_generator", "citation_formatter",
  "csv_analyzer", "json_processor", "graphql_query", "http_request", "pdf_processor", "graph_builder",
  "archive_handler", "file_converter", "file_operations", "file_search", "file_watcher",
  "environment_reader", "process_executor", "service_checker", "system_monitor", "audio_processor",
  "image_processor", "video_processor", "web_search", "url_analyzer", "web_scraper", "api_tester",
  "webhook_caller", "webpage_monitor", "sitemap_crawler", "email_sender", "database_connector",
}
local registered = 0
for _, name in ipairs(catalog) do
  if Tool.exists(name) then
    registered = registered + 1
    local hyphen = name:gsub("_", "-")
    assert.truthy(Tool.exists(hyphen), hyphen)
    assert.equals(Tool.get(hyphen).name, name)
    assert.equals(Tool[hyphen].name, name)
  end
end
assert.equals(#list, registered, "Tool.list() has exactly the registered catalog tools")
assert.equals(Tool.get("datetime_handler").name, "date_time_handler")
assert.equals(Tool.get("DateTime-Handler").name, "date_time_handler")

-- C3: unknown tool.
assert.raises("Tool 'nonexistent_tool' not found", Tool.invoke, "nonexistent_tool", {})

-- C12 + C15: envelope fields, hash value.
local h = Tool.invoke("hash_calculator", { operation = "hash", algorithm = "sha256", input = "test data" })
assert.equals(h.success, true)
assert.equals(h.operation, "hash")
assert.equals(h.message, "Calculated SHA-256 hash")
assert.equals(h.result.hash, "916f0027a575074ce72a331777c3478d6513f786a591bd892da1a577bf2335f9")
assert.equals(h.result.algorithm, "SHA-256")
assert.type(h._raw_text, "string")
assert.is_nil(h.text)
assert.equals(h.metadata.tool, "hash_calculator")
assert.equals(math.type(h.metadata.execution_time_ms), "integer")

-- C13: uuid.
local u = Tool.invoke("uuid_generator", { operation = "generate", version = "v4", format = "hyphenated" })
assert.equals(#u.result.uuid, 36)
local c = Tool.invoke("uuid_generator", { operation = "component_id", prefix = "tool" })
assert.equals(c.result.id:sub(1, 5), "tool_")
assert.equals(c.result.prefix, "tool")

-- C14: v5 with an invalid namespace raises.
assert.raises("namespace", Tool.invoke, "uuid_generator", { operation = "generate", version = "v5", namespace = "test", name = "x" })

-- C16: base64 round trip, no result.encoded.
local e = Tool.invoke("base64_encoder", { operation = "encode", input = "Hello LLMSpell" })
assert.equals(e.result.output, "SGVsbG8gTExNU3BlbGw=")
assert.is_nil(e.result.encoded)
local d = Tool.invoke("base64-encoder", { operation = "decode", input = e.result.output })
assert.equals(d.result.output, "Hello LLMSpell")

-- C17: text.
assert.equals(Tool.invoke("text_manipulator", { operation = "uppercase", input = "hello llmspell" }).result.result, "HELLO LLMSPELL")
assert.equals(Tool.invoke("text_manipulator", { operation = "replace", input = "hello world",
  options = { from = "world", to = "llmspell" } }).result.result, "hello llmspell")
assert.equals(Tool.invoke("text_manipulator", { operation = "count", input = "a b" }).result.result.words, 2)

-- C18: calculator integer result; errors never raise.
local calc = Tool.invoke("calculator", { input = "2 + 2 * 3" })
assert.equals(calc.result.result, 8)
assert.equals(math.type(calc.result.result), "integer")
assert.equals(tostring(calc.result.result), "8")
local bad = Tool.invoke("calculator", { input = "2 +" })
assert.equals(bad.success, false)
assert.type(bad.error, "table")
assert.equals(bad.error.code, "invalid_expression")

-- C25: unknown parameters are ignored.
local extra = Tool.invoke("text_manipulator", { operation = "lowercase", input = "ABC", timeout_ms = 5, bogus = true })
assert.equals(extra.result.result, "abc")

-- C19: now is UTC with Z, plus a timestamp.
local now = Tool.invoke("date_time_handler", { operation = "now" })
assert.truthy(now.result.datetime:match("Z$"), now.result.datetime)
assert.equals(math.type(now.result.timestamp), "integer")
assert.equals(Tool.invoke("datetime_handler", { operation = "now" }).metadata.tool, "date_time_handler")

-- C20: {{id}} placeholders are rendered from context.
local tpl = Tool.invoke("template_engine", { input = "Item {{id}}: {{ name | upper }}", context = { id = 42, name = "widget" } })
assert.equals(tpl.result.rendered, "Item 42: WIDGET")
assert.equals(tpl.result.engine, "tera")

-- The remaining utility tools through the script surface.
assert.equals(Tool.invoke("diff_calculator", { old_text = "a\n", new_text = "b\n" }).result.stats.added, 1)
local dv = Tool.invoke("data_validation", { input = { email = "x" }, rules = { { type = "object", properties = { email = { { type = "email" } } } } } })
assert.equals(dv.result.valid, false)
assert.equals(dv.result.errors[1].field, "$.email")
local cite = Tool.invoke("citation_formatter", { input = "@book{b, author = {Brown, Alice}, title = {T}, publisher = {P}, year = 2018}", style = "apa" })
assert.equals(cite.result.citations[1].citation, "Brown, A. (2018). T. P.")
assert.equals(cite.result.citations[1].in_text, "(Brown, 2018)")

-- Per-call time limit from opts.timeout_ms is accepted.
assert.equals(Tool.invoke("calculator", { input = "1 + 1" }, { timeout_ms = 5000 }).result.result, 2)
