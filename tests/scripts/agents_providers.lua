-- Provider global: list, get, capabilities, availability, string behaviour of provider tables.
local names = {}
for _, p in ipairs(Provider.list()) do
  table.insert(names, tostring(p))
  assert.not_nil(p.capabilities.max_context_tokens)
  assert.equals(p.capabilities.supports_streaming, true)
end
assert.contains(table.concat(names, ","), "fake")
local fake = Provider.get("fake")
assert.equals(fake.type, "openai")
assert.equals(fake.has_api_key, false)
assert.equals("provider: " .. fake, "provider: fake")
assert.is_nil(fake.api_key)
assert.equals(Provider.getCapabilities("fake").supports_tools, true)
assert.equals(Provider.get_capabilities("mock").supports_tools, true)
assert.equals(Provider.isAvailable("mock"), true)
assert.equals(Provider.is_available("off"), false)
assert.equals(Provider.get_default(), "openai")
assert.contains(table.concat(Provider.list_types(), ","), "anthropic,mock,ollama,openai,groq")
assert.is_nil(Provider.get("nope"))
-- a provider table works as the builder's provider argument
local a = Agent.builder():name("via_table"):provider(Provider.get("mock")):model("echo"):build()
assert.equals(a.provider, "mock")
