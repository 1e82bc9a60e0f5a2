-- Internal helpers of the llmspell Lua binding (chunk "=[llmspell]").
-- C# callbacks never raise Lua errors themselves (a longjmp across managed frames is unsafe):
-- they return (true, results...) or (false, message) and these wrappers raise.
local error, select, rawequal, rawget, type = error, select, rawequal, rawget, type
local mtype, floor, tostring, concat = math.type, math.floor, tostring, table.concat
local H = {}

local function check(ok, ...)
  if ok then return ... end
  error((...), 0)
end

function H.wrap(raw)
  return function(...) return check(raw(...)) end
end

function H.object_index(methods, getfield)
  return function(self, k)
    local m = methods[k]
    if m ~= nil then return m end
    return getfield(self, k)
  end
end

-- Builders accept b.name("x") as well as b:name("x") (globals.md §1.2).
function H.builder_index(methods, getfield)
  return function(self, k)
    local m = methods[k]
    if m ~= nil then
      return function(first, ...)
        if rawequal(first, self) then return m(self, ...) end
        return m(self, first, ...)
      end
    end
    return getfield(self, k)
  end
end

-- print (runtime.md §5.1): TAB-joined, newline, integral floats without fraction, flushed at once.
function H.make_print(write)
  return function(...)
    local n = select('#', ...)
    local parts = {}
    for i = 1, n do
      local v = select(i, ...)
      if mtype(v) == "float" and v == floor(v) and v > -9.2233720368547758e18 and v < 9.2233720368547758e18 then
        parts[i] = string.format("%d", v)
      else
        local s = tostring(v)
        if type(s) ~= "string" then error("'__tostring' must return a string", 2) end
        parts[i] = s
      end
    end
    write(concat(parts, "\t", 1, n) .. "\n")
  end
end

-- Message handler that records a traceback for -v / --debug.
function H.make_msgh(traceback, store)
  return function(e)
    store(traceback("", 2))
    return e
  end
end

-- Interruption (Ctrl+C, time limit, instruction limit, os.exit): a count hook polls the host.
-- Once interrupted, the hook fires on every instruction of the main thread and of the running
-- coroutine, so the error escapes at the first instruction outside a pcall (a script cannot
-- swallow it with pcall in a loop). New coroutines get the hook too (debug.sethook is per thread).
function H.install_hook(sethook, poll, interval)
  local main = coroutine.running()
  local hook
  hook = function()
    local msg, permanent = poll()
    if msg then
      if permanent ~= false then
        sethook(main, hook, "", 1)
        sethook(hook, "", 1)
      end
      error(msg, 0)
    end
  end
  sethook(hook, "", interval)
  local create, resume = coroutine.create, coroutine.resume
  local pack, unpack = table.pack, table.unpack
  coroutine.create = function(f)
    local co = create(f)
    sethook(co, hook, "", interval)
    return co
  end
  coroutine.wrap = function(f)
    local co = coroutine.create(f)
    return function(...)
      local r = pack(resume(co, ...))
      if not r[1] then error(r[2], 0) end
      return unpack(r, 2, r.n)
    end
  end
end

return H
