-- process_executor through the Tool global (tools.md §2.3, §5.23; compatibility C21).
-- Needs the tool pipeline (Tool global) from the registry branch.

local r = Tool.invoke("process_executor", { executable = "echo", arguments = { "hello", "$HOME" } })
assert.equals(r.success, true)
assert.equals(r.result.stdout, "hello $HOME\n")
assert.equals(r.result.exit_code, 0)
assert.equals(r.result.success, true)
assert.contains(r.message, "Process 'echo' executed successfully in ")

-- aliases: command / args
local a = Tool.invoke("process-executor", { command = "echo", args = { "alias" } })
assert.equals(a.result.stdout, "alias\n")

for _, exe in ipairs({ "rm", "curl", "sh" }) do
  assert.raises("Tool 'process_executor' failed: security violation: execution of '" .. exe .. "' is not permitted",
    Tool.invoke, "process_executor", { executable = exe, arguments = { "-rf", "/tmp/nothing" } })
end

for _, bad in ipairs({ "echo; rm -rf /", "echo | cat", "$(id)", "`id`", "echo > /tmp/x", "../bin/echo" }) do
  assert.raises("security violation: execution of", Tool.invoke, "process_executor", { executable = bad })
end

-- non-zero exit is a negative result, not an error
local ls = Tool.invoke("process_executor", { executable = "ls", arguments = { "/no/such/dir/llmspell" } })
assert.equals(ls.success, true)
assert.equals(ls.result.success, false)
assert.not_equals(ls.result.exit_code, 0)
assert.contains(ls.message, "failed with exit code")

-- timeout_ms is honoured and the process is killed
local t = Tool.invoke("process_executor", { executable = "tail", arguments = { "-f", "/dev/null" }, timeout_ms = 300 })
assert.equals(t.result.timed_out, true)
assert.equals(t.result.success, false)
assert.equals(t.message, "Process 'tail' timed out after 300ms")

-- stdin and working directory
local wc = Tool.invoke("process_executor", { executable = "wc", arguments = { "-l" }, stdin = "a\nb\n" })
assert.contains(wc.result.stdout, "2")
local pwd = Tool.invoke("process_executor", { executable = "pwd", working_directory = "/tmp" })
assert.contains(pwd.result.stdout, "tmp")
assert.raises("outside the allowed paths", Tool.invoke, "process_executor", { executable = "pwd", working_directory = "/etc" })

-- parameter validation by the pipeline
assert.raises("Tool 'process_executor' invalid parameters: missing required parameter 'executable'", Tool.invoke, "process_executor", {})
