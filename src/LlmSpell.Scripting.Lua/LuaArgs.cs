using System.Text;
using System.Text.Json.Nodes;
using KeraLua;
using LlmSpell.Scripting;
using LuaState = KeraLua.Lua;

namespace LlmSpell.Scripting.Lua;

/// <summary>Arguments of one call, read lazily from the Lua stack (slots <c>first..first+count-1</c>).</summary>
internal sealed class LuaArgs(LuaBridge bridge, LuaState l, int first, int count, string api) : ScriptArgs
{
    public override string Api => api;

    public override int Count => count;

    private int Slot(int index) => first + index;

    public override ScriptType TypeOf(int index)
    {
        if (index < 0 || index >= count)
        {
            return ScriptType.Nil;
        }

        return l.Type(Slot(index)) switch
        {
            LuaType.Nil or LuaType.None => ScriptType.Nil,
            LuaType.Boolean => ScriptType.Boolean,
            LuaType.Number => l.IsInteger(Slot(index)) ? ScriptType.Integer : ScriptType.Float,
            LuaType.String => ScriptType.String,
            LuaType.Table => ScriptType.Table,
            LuaType.Function => ScriptType.Function,
            LuaType.UserData => bridge.Objects.TryGet(l, Slot(index)) is not null ? ScriptType.Object : ScriptType.Other,
            _ => ScriptType.Other,
        };
    }

    protected override string ReadString(int index)
    {
        var slot = Slot(index);
        if (l.Type(slot) == LuaType.Number)
        {
            return l.IsInteger(slot) ? l.ToInteger(slot).ToString(System.Globalization.CultureInfo.InvariantCulture) : LuaNumbers.Format(l.ToNumber(slot));
        }

        return Encoding.UTF8.GetString(l.ToBuffer(slot, false));
    }

    protected override byte[] ReadBytes(int index)
    {
        var slot = Slot(index);
        return l.Type(slot) == LuaType.Number ? Encoding.UTF8.GetBytes(ReadString(index)) : l.ToBuffer(slot, false);
    }

    protected override long ReadInteger(int index) => l.ToInteger(Slot(index));

    protected override double ReadNumber(int index) => l.ToNumber(Slot(index));

    protected override bool ReadBool(int index) => l.ToBoolean(Slot(index));

    protected override JsonNode? ReadValue(int index, string path, bool allowCallables)
    {
        if (index >= count)
        {
            return null;
        }

        try
        {
            return bridge.Converter.ToNode(l, Slot(index), path, allowCallables);
        }
        catch (ScriptException ex)
        {
            // Conversion errors name the API: "State.save: cannot convert a function value to JSON at 'value.cb'".
            throw new ScriptException($"{api}: {ex.Message}");
        }
    }

    protected override IScriptFunction ReadFunction(int index) => bridge.CreateFunctionRef(l, Slot(index));

    protected override ScriptObject? ReadObject(int index) => bridge.Objects.TryGet(l, Slot(index));

    protected override IScriptTable ReadTableRef(int index) => bridge.CreateTableRef(l, Slot(index));
}
