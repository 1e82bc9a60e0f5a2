-- Assertion library injected into tests/scripts/*.lua. `assert` stays callable as in stock Lua and
-- gains helpers. Every failure raises an error naming the script line, so a failing script test
-- shows where it failed.
local stock = assert
local A = {}

local function fmt(v)
  if type(v) == "string" then return string.format("%q", v) end
  if type(v) == "table" then
    local ok, s = pcall(JSON.stringify, v)
    if ok then return s end
  end
  return tostring(v)
end

local function deep_equal(a, b)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then return false end
  for k, v in pairs(a) do if not deep_equal(v, b[k]) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end

function A.equals(actual, expected, msg)
  if not deep_equal(actual, expected) then
    error((msg and (msg .. ": ") or "") .. "expected " .. fmt(expected) .. ", got " .. fmt(actual), 2)
  end
end
A.eq = A.equals

function A.not_equals(actual, unexpected, msg)
  if deep_equal(actual, unexpected) then
    error((msg and (msg .. ": ") or "") .. "did not expect " .. fmt(unexpected), 2)
  end
end

function A.truthy(v, msg) if not v then error(msg or ("expected a truthy value, got " .. fmt(v)), 2) end end
function A.falsy(v, msg) if v then error(msg or ("expected a falsy value, got " .. fmt(v)), 2) end end
function A.is_nil(v, msg) if v ~= nil then error(msg or ("expected nil, got " .. fmt(v)), 2) end end
function A.not_nil(v, msg) if v == nil then error(msg or "expected a value, got nil", 2) end end

function A.type(v, t, msg)
  if type(v) ~= t then error((msg and (msg .. ": ") or "") .. "expected a " .. t .. ", got " .. type(v) .. " " .. fmt(v), 2) end
end

function A.contains(haystack, needle, msg)
  if type(haystack) ~= "string" or not haystack:find(needle, 1, true) then
    error((msg and (msg .. ": ") or "") .. "expected " .. fmt(haystack) .. " to contain " .. fmt(needle), 2)
  end
end

-- Calls fn(...) and requires it to raise an error whose text contains `text`; returns the error.
function A.raises(text, fn, ...)
  local ok, err = pcall(fn, ...)
  if ok then error("expected an error containing " .. fmt(text) .. ", but the call succeeded", 2) end
  local s = tostring(err)
  if text and not s:find(text, 1, true) then
    error("expected an error containing " .. fmt(text) .. ", got " .. fmt(s), 2)
  end
  return s
end

assert = setmetatable(A, { __call = function(_, ...) return stock(...) end })
