-- F18 and the Artifact API: content addressing, compression, binary content, queries.
local id = Session.create({ name = "art" })
local content = "# Summary\nhello"
local a = Artifact.store(id, "text", "summary.md", content, { tags = { "report" }, mime_type = "text/markdown", owner = "me" })
assert.equals(a.session_id, id)
assert.equals(a.sequence, 1)
assert.equals(#a.content_hash, 64)
local got = Artifact.get(id, a)
assert.equals(got.content, content)
assert.equals(got.metadata.mime_type, "text/markdown")
assert.equals(got.metadata.custom.owner, "me")
assert.equals(got.metadata.tags[1], "report")
assert.equals(Artifact.get(id, a.content_hash).content, content)

local again = Artifact.store(id, "text", "copy.md", content)
assert.equals(again.content_hash, a.content_hash)
assert.equals(again.sequence, 2)

local binary = "\0\1\2\255\254"
local bin = Artifact.store(id, "tool_result", "blob.bin", binary)
local bgot = Artifact.get(id, bin)
assert.equals(bgot.content, binary)
assert.equals(bgot.metadata.mime_type, "application/octet-stream")

local big = string.rep("0123456789", 3000)
local large = Artifact.store(id, "system_generated", "big.txt", big)
local lgot = Artifact.get(id, large)
assert.equals(lgot.metadata.is_compressed, true)
assert.equals(lgot.metadata.original_size, #big)
assert.equals(lgot.content, big)

local list = Artifact.list(id)
assert.equals(#list, 4)
assert.equals(list[1].sequence, 1)
assert.equals(#Artifact.query({ session_id = id, type = "text" }), 2)
assert.equals(#Artifact.query({ name_pattern = "*.md" }), 2)
assert.equals(#Artifact.query({ tags = { "report" } }), 1)
assert.equals(#Artifact.query({ min_size = 1000 }), 1)

Session.set_current(id)
local cur = Artifact.store("", "user_input", "note.txt", "n")
assert.equals(cur.session_id, id)
assert.equals(Artifact.delete(id, cur), true)
assert.equals(Artifact.delete(id, cur), false)
assert.is_nil(Artifact.get(id, cur))
assert.equals(Session.get(id).artifact_count, 4)

assert.raises("Artifact.store: content must be a string", Artifact.store, id, "text", "x", 42)
assert.raises("not found", Artifact.store, "00000000-0000-0000-0000-000000000000", "text", "x", "y")
