-- Data tools through Tool.invoke (json_processor, csv_analyzer, graph_builder, archive_handler).
-- Depends on the Tool global and invocation pipeline (tools-core branch).
local q = Tool.invoke("json_processor", { input = '{"items":[{"n":1},{"n":2},{"n":3}]}', query = "[.items[] | select(.n > 1) | .n * 10]" })
assert.equals(q.success, true)
assert.equals(q.result.output_count, 1)
assert.equals(q.result.result[1], 20)
assert.equals(q.result.result[2], 30)

local many = Tool.invoke("json_processor", { input = { a = 1, b = 2 }, query = ".a, .b" })
assert.equals(many.result.output_count, 2)

local v = Tool.invoke("json_processor", { operation = "validate", input = '{"age": "x"}', schema = { type = "object", properties = { age = { type = "integer" } } } })
assert.equals(v.success, true)
assert.equals(v.result.is_valid, false)

assert.raises("Tool 'json_processor' failed: jq: unknown function 'env/0'", Tool.invoke, "json_processor", { input = "{}", query = "env" })

local csv = Tool.invoke("csv_analyzer", { operation = "analyze", input = "name,age\nAda,36\nBob,25\n" })
assert.equals(csv.result.row_count, 2)
assert.equals(csv.result.columns[2].data_type, "integer")

local filtered = Tool.invoke("csv_analyzer", { operation = "filter", input = "name,age\nAda,36\nBob,25\n", options = { filter = "age > 30" } })
assert.equals(filtered.result.csv, "name,age\nAda,36\n")

local g = Tool.invoke("graph-builder", { operation = "create_graph", graph_type = "undirected" }).result.graph
g = Tool.invoke("graph_builder", { operation = "add_node", graph = g, node_id = "a" }).result.graph
g = Tool.invoke("graph_builder", { operation = "add_node", graph = g, node_id = "b" }).result.graph
g = Tool.invoke("graph_builder", { operation = "add_edge", graph = g, from = "a", to = "b", weight = 2 }).result.graph
local sp = Tool.invoke("graph_builder", { operation = "shortest_path", graph = g, from = "b", to = "a" })
assert.equals(sp.result.found, true)
assert.equals(sp.result.distance, 2)

local dir = "/tmp/llmspell-lua-archive-" .. tostring(os.time()) .. "-" .. tostring(math.random(1, 1000000))
Tool.invoke("file_operations", { operation = "write", path = dir .. "/in/a.txt", input = "alpha" })
local created = Tool.invoke("archive_handler", { operation = "create", archive_path = dir .. "/a.zip", files = { dir .. "/in/a.txt" } })
assert.equals(created.message, "Created archive with 1 files (5 bytes)")
local extracted = Tool.invoke("archive_handler", { operation = "extract", path = dir .. "/a.zip", target_path = dir .. "/out" })
assert.equals(extracted.message, "Extracted 1 files (5 bytes) to " .. dir .. "/out")
assert.raises("security violation", Tool.invoke, "archive_handler", { operation = "extract", path = dir .. "/a.zip", target_path = "/etc/x" })
Tool.invoke("file_operations", { operation = "delete", path = dir, recursive = true })
print("tools_files_data ok")
