-- Lua sandbox levels (runtime.md §10). Receives the options table P:
--   P.stdlib: "all" | "standard" | "basic" | "none"
--   P.security: "unrestricted" | "privileged" | "safe"
--   P.allow_spawn: boolean
--   P.check_read(fn, path), P.check_write(fn, path): raise a security violation when refused
--   P.env_visible(name): boolean (safe level os.getenv)
local P = ...
local G = _G
local load, loadfile, dofile, type, error = load, loadfile, dofile, type, error
local package, debug = package, debug

local function text_only_load(chunk, name, mode, env)
  return load(chunk, name, "t", env)
end
local function text_only_loadfile(path, mode, env)
  return loadfile(path, "t", env)
end
local function text_only_dofile(path)
  local f, err = loadfile(path, "t")
  if not f then error(err, 2) end
  return f()
end

if P.stdlib == "standard" then
  G.debug = { traceback = debug.traceback, getinfo = debug.getinfo }
  package.loadlib = nil
  if package.searchers then
    package.searchers[3] = nil
    package.searchers[4] = nil
  end
  G.load, G.loadfile, G.dofile = text_only_load, text_only_loadfile, text_only_dofile
elseif P.stdlib == "basic" then
  G.dofile, G.loadfile = nil, nil
  G.load = text_only_load
  local os_ = os
  G.os = { time = os_.time, clock = os_.clock, date = os_.date, difftime = os_.difftime, exit = os_.exit }
  G.io, G.package, G.require, G.debug = nil, nil, nil, nil
  if package then package.loaded.io, package.loaded.package, package.loaded.debug = nil, nil, nil end
elseif P.stdlib == "none" then
  G.dofile, G.loadfile, G.load, G.require = nil, nil, nil, nil
  G.io, G.os, G.package, G.debug = nil, nil, nil, nil
end

local level = P.security
if level == "privileged" or level == "safe" or not P.allow_spawn then
  if G.os then G.os.execute = nil end
  if G.io then G.io.popen = nil end
end

if level == "safe" and G.io then
  local io_, os_ = G.io, G.os
  local check_read, check_write = P.check_read, P.check_write
  local open, lines, input, output = io_.open, io_.lines, io_.input, io_.output
  io_.open = function(path, mode)
    if type(path) == "string" then
      local m = mode or "r"
      if m:find("[wa+]") then check_write("io.open", path) else check_read("io.open", path) end
    end
    return open(path, mode)
  end
  io_.lines = function(path, ...)
    if type(path) == "string" then check_read("io.lines", path) end
    return lines(path, ...)
  end
  io_.input = function(f)
    if type(f) == "string" then check_read("io.input", f) end
    return input(f)
  end
  io_.output = function(f)
    if type(f) == "string" then check_write("io.output", f) end
    return output(f)
  end
  if G.dofile then
    local inner = G.dofile
    G.dofile = function(path)
      if type(path) == "string" then check_read("dofile", path) end
      return inner(path)
    end
  end
  if G.loadfile then
    local inner = G.loadfile
    G.loadfile = function(path, ...)
      if type(path) == "string" then check_read("loadfile", path) end
      return inner(path, ...)
    end
  end
  if G.package and package.searchers then
    local searchpath, lf = package.searchpath, G.loadfile or loadfile
    package.searchers[2] = function(name)
      local path, err = searchpath(name, package.path)
      if not path then return err end
      check_read("require", path)
      local f, lerr = lf(path)
      if not f then error(lerr, 2) end
      return f, path
    end
  end
  if os_ then
    local remove, rename = os_.remove, os_.rename
    if remove then os_.remove = function(p) check_write("os.remove", p) return remove(p) end end
    if rename then os_.rename = function(a, b) check_write("os.rename", a) check_write("os.rename", b) return rename(a, b) end end
    if os_.tmpname then
      local tmpname = os_.tmpname
      os_.tmpname = function() local n = tmpname() check_write("os.tmpname", n) return n end
    end
    if os_.getenv then
      local getenv, visible = os_.getenv, P.env_visible
      os_.getenv = function(name)
        if type(name) == "string" and not visible(name) then return nil end
        return getenv(name)
      end
    end
  end
end
