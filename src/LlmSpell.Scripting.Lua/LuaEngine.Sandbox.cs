using System.Reflection;
using KeraLua;
using LlmSpell.Scripting;
using LlmSpell.Security;

namespace LlmSpell.Scripting.Lua;

public sealed partial class LuaEngine
{
    // Lua may additionally read under the working directory and the script's directory in safe mode
    // (runtime.md §10.2), so applications can load their own input files.
    private void ApplySandbox(FileSandbox sandbox, EnvironmentPolicy environment)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("sandbox.lua")!;
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        if (_lua.LoadBuffer(ms.ToArray(), InternalChunk) != LuaStatus.OK)
        {
            throw new InvalidOperationException("internal Lua sandbox failed to load: " + _lua.ToString(-1, false));
        }

        var readRoots = new[] { Directory.GetCurrentDirectory(), _context.Script.Directory };
        var fileAccess = _context.Config.GetBool("runtime.security.allow_file_access", true);
        _lua.NewTable();
        LuaConverter.PushText(_lua, _options.StandardLibraries.ToLowerInvariant() is "full" ? "all" : _options.StandardLibraries.ToLowerInvariant());
        _lua.SetField(-2, "stdlib");
        LuaConverter.PushText(_lua, _options.SecurityLevel.ToLowerInvariant());
        _lua.SetField(-2, "security");
        _lua.PushBoolean(_options.AllowProcessSpawn);
        _lua.SetField(-2, "allow_spawn");
        _bridge.PushFunction(_lua, "io", args => CheckPath(args, sandbox, fileAccess, readRoots));
        _lua.SetField(-2, "check_read");
        _bridge.PushFunction(_lua, "io", args => CheckPath(args, sandbox, fileAccess, null));
        _lua.SetField(-2, "check_write");
        _bridge.PushFunction(_lua, "os.getenv", args => environment.IsVisible(args.String(0, "name")));
        _lua.SetField(-2, "env_visible");
        if (_lua.PCall(1, 0, 0) != LuaStatus.OK)
        {
            throw new InvalidOperationException("internal Lua sandbox failed: " + _lua.ToString(-1, false));
        }
    }

    private static object? CheckPath(ScriptArgs args, FileSandbox sandbox, bool fileAccess, string[]? extraRoots)
    {
        var fn = args.String(0, "function");
        var path = args.String(1, "path");
        if (!fileAccess)
        {
            throw new ScriptException($"{fn}: security violation: file access is disabled (runtime.security.allow_file_access)");
        }

        var reason = sandbox.Check(path, out _, extraRoots);
        return reason is null ? null : throw new ScriptException($"{fn}: security violation: {reason}");
    }
}
