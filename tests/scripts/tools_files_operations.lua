-- file_operations through Tool.invoke: compatibility rows C4-C11 (tools.md §5.19, §2.1).
-- Depends on the Tool global and invocation pipeline (tools-core branch).
local dir = "/tmp/llmspell-lua-fileops-" .. tostring(os.time()) .. "-" .. tostring(math.random(1, 1000000))
local path = dir .. "/my_first_file.txt"

-- C4: write text reports the byte count and the path exactly as passed
local w = Tool.invoke("file_operations", { operation = "write", path = path, input = "Hello from LLMSpell! This is my first tool usage." })
assert.equals(w.text, "Wrote 49 bytes to " .. path)
assert.is_nil(w.success)

-- C5: read returns the content verbatim (JSON is not parsed)
Tool.invoke("file_operations", { operation = "write", path = dir .. "/d.json", content = '{"a": 1}' })
local r = Tool.invoke("file_operations", { operation = "read", path = dir .. "/d.json" })
assert.equals(r.text, '{"a": 1}')
assert.is_nil(r.data)

-- C6: exists
assert.equals(Tool.invoke("file_operations", { operation = "exists", path = path }).text, "Path " .. path .. " exists")
assert.equals(Tool.invoke("file_operations", { operation = "exists", path = dir .. "/x" }).text, "Path " .. dir .. "/x does not exist")

-- C7: metadata carries the canonical operation and the full envelope
local stat = Tool.invoke("file_operations", { operation = "stat", path = path })
assert.equals(stat.metadata.operation, "metadata")
assert.equals(stat.metadata.tool, "file_operations")
assert.equals(stat.metadata.response.result.size, 49)
assert.equals(stat.metadata.response.success, true)
assert.is_nil(stat.success)

-- C8: aliases
assert.equals(Tool.invoke("file_operations", { operation = "mkdir", path = dir .. "/a/b", recursive = true }).text, "Created directory: " .. dir .. "/a/b")
assert.equals(Tool.invoke("file_operations", { operation = "create_dir", path = dir .. "/a/b" }).text, "Directory already exists: " .. dir .. "/a/b")
assert.equals(Tool.invoke("file_operations", { operation = "cp", source_path = path, target_path = dir .. "/a/copy.txt" }).text, "Copied " .. path .. " to " .. dir .. "/a/copy.txt")
assert.equals(Tool.invoke("file_operations", { operation = "mv", source_path = dir .. "/a/copy.txt", target_path = dir .. "/a/moved.txt" }).text, "Moved " .. dir .. "/a/copy.txt to " .. dir .. "/a/moved.txt")
assert.equals(Tool.invoke("file_operations", { operation = "append", path = dir .. "/a/moved.txt", input = "!" }).text, "Appended 1 bytes to " .. dir .. "/a/moved.txt")
local ls = Tool.invoke("file_operations", { operation = "ls", path = dir .. "/a" })
assert.equals(ls.text, "Found 2 entries in " .. dir .. "/a")
assert.equals(ls.metadata.response.result.entries[1].name, "b")

-- C9: a missing file is a failure result, not an error; guarded and unguarded calls both return
local ok, missing = pcall(Tool.invoke, "file_operations", { operation = "read", path = dir .. "/missing.txt" })
assert.equals(ok, true)
assert.equals(missing.success, false)
assert.is_nil(missing.text)
assert.equals(missing.error, "Tool 'file_operations' failed: read: file not found: " .. dir .. "/missing.txt")
local unguarded = Tool.invoke("file_operations", { operation = "read", path = dir .. "/missing.txt" })
assert.contains("error: " .. unguarded.error, "file not found")

-- C10: sandbox refusals are failure results
local escape = Tool.invoke("file_operations", { operation = "read", path = "/tmp/../../../etc/passwd" })
assert.equals(escape.success, false)
assert.contains(escape.error, "security violation")
local etc = Tool.invoke("file_operations", { operation = "list_dir", path = "/etc" })
assert.equals(etc.error, "Tool 'file_operations' failed: list_dir: security violation: path '/etc' is outside the allowed paths [/tmp]")
assert.contains(Tool.invoke("file_operations", { operation = "read", path = "/nonexistent/file.txt" }).error, "outside the allowed paths")
assert.contains(Tool.invoke("file_operations", { operation = "exists", path = "/tmpfoo" }).error, "path '/tmpfoo' is outside the allowed paths [/tmp]")

-- C11: write violations
local blocked = Tool.invoke("file_operations", { operation = "write", path = "/usr/bin/x", input = "x" })
assert.equals(blocked.success, false)
assert.equals(type(blocked.error), "string")

-- invalid parameters still raise
assert.raises("Tool 'file_operations' invalid parameters: parameter 'operation': unknown file operation 'frobnicate'", Tool.invoke, "file_operations", { operation = "frobnicate", path = path })
assert.raises("Tool 'file_operations' invalid parameters: missing required parameter 'path'", Tool.invoke, "file_operations", { operation = "read" })

assert.equals(Tool.invoke("file_operations", { operation = "delete", path = dir, recursive = true }).text, "Deleted directory: " .. dir)
print("tools_files_operations ok")
