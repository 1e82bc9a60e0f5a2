using KeraLua;
using LlmSpell.Scripting;
using LuaState = KeraLua.Lua;

namespace LlmSpell.Scripting.Lua;

/// <summary>Binds <see cref="GlobalDefinition"/>s and the script arguments into the Lua state.</summary>
internal static class LuaGlobals
{
    public static void Register(LuaState l, LuaBridge bridge, IEnumerable<IScriptGlobal> globals)
    {
        foreach (var global in globals)
        {
            var def = global.Define();
            PushDefinition(l, bridge, def, def.Name);
            l.SetGlobal(def.Name);
        }
    }

    private static void PushDefinition(LuaState l, LuaBridge bridge, GlobalDefinition def, string prefix)
    {
        l.NewTable();
        foreach (var (name, fn) in def.Functions)
        {
            bridge.PushFunction(l, $"{prefix}.{name}", fn);
            l.SetField(-2, name);
        }

        foreach (var (name, value) in def.Values)
        {
            bridge.Converter.PushValue(l, value);
            l.SetField(-2, name);
        }

        foreach (var child in def.Children)
        {
            PushDefinition(l, bridge, child, $"{prefix}.{child.Name}");
            l.SetField(-2, child.Name);
        }

        if (def.Index is { } index)
        {
            l.NewTable();
            bridge.PushIndexFunction(l, prefix, index);
            l.SetField(-2, "__index");
            l.SetMetaTable(-2);
        }
    }

    /// <summary>ARGS (named and positional, ARGS[0] = script name) and arg (numeric entries only).</summary>
    public static void RegisterArguments(LuaState l, ScriptArguments args)
    {
        l.CreateTable(args.Positional.Count, args.Named.Count + 1);
        LuaConverter.PushText(l, args.Name);
        l.RawSetInteger(-2, 0);
        for (var i = 0; i < args.Positional.Count; i++)
        {
            LuaConverter.PushText(l, args.Positional[i]);
            l.RawSetInteger(-2, i + 1);
        }

        foreach (var (key, value) in args.Named)
        {
            LuaConverter.PushText(l, key);
            LuaConverter.PushText(l, value);
            l.RawSet(-3);
        }

        l.SetGlobal("ARGS");

        l.CreateTable(args.Positional.Count, 1);
        LuaConverter.PushText(l, args.Name);
        l.RawSetInteger(-2, 0);
        for (var i = 0; i < args.Positional.Count; i++)
        {
            LuaConverter.PushText(l, args.Positional[i]);
            l.RawSetInteger(-2, i + 1);
        }

        l.SetGlobal("arg");
    }
}
