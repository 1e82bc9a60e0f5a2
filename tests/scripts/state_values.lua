-- behaviours.md §6.3: values round-trip exactly.
local value = {
  int = 1, float = 2.0, neg = -3, tiny = 1e-7,
  empty_obj = {}, empty_arr = JSON.array(),
  nulls = { 1, JSON.null, 3 },
  nested = { a = { { b = "c" } } },
  unicode = "héllo wörld ✓ 😀",
}
State.save("global", "v", value)
local got = State.load("global", "v")
assert.equals(math.type(got.int), "integer")
assert.equals(math.type(got.float), "float")
assert.equals(math.type(got.neg), "integer")
assert.equals(got.tiny, 1e-7)
assert.equals(JSON.stringify(got.empty_obj), "{}")
assert.equals(JSON.stringify(got.empty_arr), "[]")
assert.equals(JSON.stringify(got.nulls), "[1,null,3]")
assert.equals(got.nested.a[1].b, "c")
assert.equals(got.unicode, "héllo wörld ✓ 😀")
assert.equals(JSON.stringify(got), JSON.stringify(value))
