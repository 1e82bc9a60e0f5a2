-- ABOUTME: Calling built-in tools from Lua: results, envelopes, failures and the file sandbox.
-- Run: ./llmspell run examples/script-users/getting-started/01-first-tool.lua
-- expect: Tools available: 37
-- expect: SHA-256 of 'test data': 916f0027a575074ce72a331777c3478d6513f786a591bd892da1a577bf2335f9
-- expect: Wrote 49 bytes to /tmp/llmspell_first_file.txt
-- expect: Sandbox refused /etc/passwd

print("Tools available: " .. #Tool.list())

-- Envelope tools: flattened result tables (result.result.<field>).
local hash = Tool.invoke("hash_calculator", { operation = "hash", algorithm = "sha256", input = "test data" })
print("SHA-256 of 'test data': " .. hash.result.hash)

local calc = Tool.invoke("calculator", { input = "2 + 2 * 3" })
print("2 + 2 * 3 = " .. calc.result.result)

-- file_operations returns prose text; failures are returned (success = false), not raised.
local path = "/tmp/llmspell_first_file.txt"
local write = Tool.invoke("file_operations", { operation = "write", path = path, input = "Hello from LLMSpell! This is my first tool usage." })
print(write.text)
print("Read back: " .. Tool.invoke("file_operations", { operation = "read", path = path }).text)

local refused = Tool.invoke("file_operations", { operation = "read", path = "/etc/passwd" })
if refused.success == false then
  print("Sandbox refused /etc/passwd: " .. refused.error)
end

-- Invalid parameters raise a clear error naming the tool and the parameter.
local ok, err = pcall(Tool.invoke, "hash_calculator", { operation = "hash", algorithm = "crc" })
print("Bad parameter: " .. tostring(err))

return { tools = #Tool.list(), hash = hash.result.hash }
