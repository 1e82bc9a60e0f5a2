using System.Runtime.CompilerServices;
using KeraLua;
using LlmSpell.Scripting;
using LuaState = KeraLua.Lua;

namespace LlmSpell.Scripting.Lua;

/// <summary>
/// Maps <see cref="ScriptObject"/> instances to Lua full userdata. Each userdata stores an int slot
/// into <see cref="_slots"/>; one userdata per live object is cached in a weak table so identity
/// comparisons (<c>Agent.get("a") == agent</c>) hold.
/// </summary>
internal sealed unsafe class LuaObjects(LuaBridge bridge)
{
    private const string CacheKey = "llmspell.objects";
    private readonly List<ScriptObject?> _slots = [null];
    private readonly Stack<int> _free = new();
    private readonly Dictionary<ScriptObject, int> _ids = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ScriptObjectType, int> _metatables = [];

    public void Initialize(LuaState l)
    {
        l.NewTable();
        l.NewTable();
        l.PushString("v");
        l.SetField(-2, "__mode");
        l.SetMetaTable(-2);
        l.SetField((int)LuaRegistry.Index, CacheKey);
    }

    /// <summary>Pushes the userdata of <paramref name="obj"/>, creating it on first use.</summary>
    public void Push(LuaState l, ScriptObject obj)
    {
        l.GetField((int)LuaRegistry.Index, CacheKey);
        if (_ids.TryGetValue(obj, out var id))
        {
            if (l.RawGetInteger(-1, id) == LuaType.UserData)
            {
                l.Remove(-2);
                return;
            }

            l.Pop(1);
        }
        else
        {
            id = _free.Count > 0 ? _free.Pop() : _slots.Count;
            if (id == _slots.Count)
            {
                _slots.Add(obj);
            }
            else
            {
                _slots[id] = obj;
            }

            _ids[obj] = id;
        }

        var ud = l.NewUserData(sizeof(int));
        *(int*)ud = id;
        l.RawGetInteger((int)LuaRegistry.Index, MetatableRef(l, obj.Type));
        l.SetMetaTable(-2);
        l.PushCopy(-1);
        l.RawSetInteger(-3, id);
        l.Remove(-2);
    }

    /// <summary>The object behind the userdata at <paramref name="index"/>, or null when it is not ours.</summary>
    public ScriptObject? TryGet(LuaState l, int index)
    {
        if (l.Type(index) != LuaType.UserData || !l.GetMetaTable(index))
        {
            return null;
        }

        var isOurs = l.GetField(-1, "__llmspell") == LuaType.Boolean;
        l.Pop(2);
        if (!isOurs)
        {
            return null;
        }

        var id = *(int*)l.ToUserData(index);
        return id > 0 && id < _slots.Count ? _slots[id] : null;
    }

    /// <summary>Called by __gc: the userdata is gone; the object stays alive only through C# references.</summary>
    public void Release(int id)
    {
        if (id <= 0 || id >= _slots.Count || _slots[id] is not { } obj)
        {
            return;
        }

        _ids.Remove(obj);
        _slots[id] = null;
        _free.Push(id);
    }

    public static int IdOf(LuaState l, int index) =>
        l.Type(index) == LuaType.UserData ? *(int*)l.ToUserData(index) : 0;

    private int MetatableRef(LuaState l, ScriptObjectType type)
    {
        if (_metatables.TryGetValue(type, out var reference))
        {
            return reference;
        }

        reference = bridge.BuildMetatable(l, type);
        _metatables[type] = reference;
        return reference;
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<ScriptObject>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(ScriptObject? x, ScriptObject? y) => ReferenceEquals(x, y);

        public int GetHashCode(ScriptObject obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
