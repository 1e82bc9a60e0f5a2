using System.Text.Json.Nodes;
using KeraLua;
using LlmSpell.Scripting;
using LlmSpell.Values;
using LuaState = KeraLua.Lua;

namespace LlmSpell.Scripting.Lua;

/// <summary>A script table kept by identity (JSON.array/JSON.object return the table they mark).</summary>
internal sealed class LuaTableRef(LuaBridge bridge, int reference) : IScriptTable
{
    ~LuaTableRef() => bridge.ReleaseLater(reference);

    public void Push(LuaState l) => l.RawGetInteger((int)LuaRegistry.Index, reference);

    public void MarkAs(ValueKind kind)
    {
        var l = bridge.Current;
        Push(l);
        l.RawGetInteger((int)LuaRegistry.Index, kind == ValueKind.Array ? bridge.ArrayMetaRef : bridge.ObjectMetaRef);
        l.SetMetaTable(-2);
        l.Pop(1);
    }

    public JsonNode? ToJson(string path)
    {
        var l = bridge.Current;
        Push(l);
        try
        {
            return bridge.Converter.ToNode(l, -1, path, allowCallables: false);
        }
        finally
        {
            l.Pop(1);
        }
    }
}
