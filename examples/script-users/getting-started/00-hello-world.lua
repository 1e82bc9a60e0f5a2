-- ABOUTME: The first llmspell script: prints the Lua version and the globals present in this run.
-- Run: ./llmspell run examples/script-users/getting-started/00-hello-world.lua
-- expect: Lua version: Lua 5.4
-- expect: Decoded answer: 42

print("Hello from llmspell!")
print("Lua version: " .. _VERSION)

-- Globals are plain tables; optional ones (RAG, Session, Artifact) are absent when not enabled.
local names = {}
for name, value in pairs(_G) do
  if type(value) == "table" and name:match("^%u") then
    names[#names + 1] = name
  end
end
table.sort(names)
print("Globals: " .. table.concat(names, " "))

-- JSON round trip through the platform's converter.
local encoded = JSON.stringify({ greeting = "hello", answer = 42, ratio = 0.5, tags = { "a", "b" } })
print("JSON: " .. encoded)
local decoded = JSON.parse(encoded)
print("Decoded answer: " .. decoded.answer)

return { message = "Hello World completed", success = true }
