using System.Text;
using System.Text.Json.Nodes;
using KeraLua;
using LlmSpell.Components;
using LlmSpell.Scripting;
using LlmSpell.Values;
using LuaState = KeraLua.Lua;

namespace LlmSpell.Scripting.Lua;

/// <summary>Lua ⇄ neutral model conversion (runtime.md §6).</summary>
internal sealed class LuaConverter(LuaBridge bridge)
{
    private const int MaxDepth = 128;

    /// <summary>Pushes a UTF-8 string (independent of the wrapper's Encoding setting).</summary>
    public static void PushText(LuaState l, string s) => l.PushBuffer(Encoding.UTF8.GetBytes(s));

    /// <summary>Pushes a neutral result value (nothing for <see cref="ScriptValues"/> with no values).</summary>
    public void PushResult(LuaState l, object? value)
    {
        switch (value)
        {
            case ScriptValues many:
                l.CheckStack(many.Values.Length + 4);
                foreach (var v in many.Values)
                {
                    PushValue(l, v);
                }

                break;
            default:
                PushValue(l, value);
                break;
        }
    }

    /// <summary>Pushes one neutral value.</summary>
    public void PushValue(LuaState l, object? value)
    {
        switch (value)
        {
            case null:
                l.PushNil();
                break;
            case bool b:
                l.PushBoolean(b);
                break;
            case long n:
                l.PushInteger(n);
                break;
            case int i:
                l.PushInteger(i);
                break;
            case double d:
                l.PushNumber(d);
                break;
            case string s:
                PushText(l, s);
                break;
            case byte[] bytes:
                l.PushBuffer(bytes);
                break;
            case JsonNode node:
                PushNode(l, node, 0);
                break;
            case ComponentOutput output:
                PushNode(l, output.ToScriptValue(), 0);
                break;
            case ScriptObject obj:
                bridge.Objects.Push(l, obj);
                break;
            case LuaFunctionRef fn:
                fn.Push(l);
                break;
            case LuaTableRef table:
                table.Push(l);
                break;
            case NamedTable named:
                PushNode(l, named.Table, 0);
                l.RawGetInteger((int)LuaRegistry.Index, bridge.NamedMetaRef);
                l.SetMetaTable(-2);
                break;
            case ScriptNull:
                l.RawGetInteger((int)LuaRegistry.Index, bridge.NullRef);
                break;
            default:
                throw new InvalidOperationException($"cannot pass a {value.GetType().Name} to a script");
        }
    }

    private void PushNode(LuaState l, JsonNode? node, int depth)
    {
        if (depth > MaxDepth + 8)
        {
            throw new ScriptException($"value nested deeper than {MaxDepth} levels");
        }

        l.CheckStack(4);
        switch (node)
        {
            case null:
                l.PushNil();
                break;
            case JsonArray arr:
                l.CreateTable(arr.Count, 0);
                for (var i = 0; i < arr.Count; i++)
                {
                    if (arr[i] is null)
                    {
                        l.RawGetInteger((int)LuaRegistry.Index, bridge.NullRef);
                    }
                    else
                    {
                        PushNode(l, arr[i], depth + 1);
                    }

                    l.RawSetInteger(-2, i + 1);
                }

                if (arr.Count == 0)
                {
                    l.RawGetInteger((int)LuaRegistry.Index, bridge.ArrayMetaRef);
                    l.SetMetaTable(-2);
                }

                break;
            case JsonObject obj:
                l.CreateTable(0, obj.Count);
                var any = false;
                foreach (var (key, value) in obj)
                {
                    if (value is null)
                    {
                        continue;
                    }

                    any = true;
                    PushText(l, key);
                    PushNode(l, value, depth + 1);
                    l.RawSet(-3);
                }

                if (!any)
                {
                    l.RawGetInteger((int)LuaRegistry.Index, bridge.ObjectMetaRef);
                    l.SetMetaTable(-2);
                }

                break;
            case JsonValue v:
                PushScalar(l, v);
                break;
        }
    }

    private void PushScalar(LuaState l, JsonValue v)
    {
        switch (JsonValues.Classify(v))
        {
            case ValueKind.Boolean:
                l.PushBoolean(v.GetValue<bool>());
                return;
            case ValueKind.Integer:
                l.PushInteger(JsonValues.GetInteger(v));
                return;
            case ValueKind.Float:
                l.PushNumber(JsonValues.GetFloat(v));
                return;
            case ValueKind.String:
                PushText(l, v.GetValue<string>());
                return;
        }

        if (v.TryGetValue<IScriptFunction>(out var fn) && fn is LuaFunctionRef lf)
        {
            lf.Push(l);
        }
        else if (v.TryGetValue<ScriptObject>(out var obj))
        {
            bridge.Objects.Push(l, obj);
        }
        else if (v.TryGetValue<ScriptNull>(out _))
        {
            l.RawGetInteger((int)LuaRegistry.Index, bridge.NullRef);
        }
        else if (v.TryGetValue<NamedTable>(out var named))
        {
            // Arrays of named tables (Provider.list()) keep each entry's metatable.
            PushValue(l, named);
        }
        else if (v.TryGetValue<byte[]>(out var bytes))
        {
            // Binary content inside a result table (Artifact.get's content) stays byte-exact.
            l.PushBuffer(bytes);
        }
        else
        {
            l.PushNil();
        }
    }

    /// <summary>
    /// Converts the value at <paramref name="index"/>. <paramref name="path"/> names the value in
    /// errors (<c>params.options.callback</c>). With <paramref name="allowCallables"/> functions and API
    /// objects are kept as opaque values; with <paramref name="forResult"/> they become "&lt;function&gt;" text.
    /// </summary>
    public JsonNode? ToNode(LuaState l, int index, string path, bool allowCallables, bool forResult = false)
    {
        var abs = l.AbsIndex(index);
        return Convert(l, abs, path, allowCallables, forResult, new HashSet<IntPtr>(), 0);
    }

    private JsonNode? Convert(LuaState l, int idx, string path, bool allowCallables, bool forResult, HashSet<IntPtr> visiting, int depth)
    {
        switch (l.Type(idx))
        {
            case LuaType.Nil:
            case LuaType.None:
                return null;
            case LuaType.Boolean:
                return JsonValue.Create(l.ToBoolean(idx));
            case LuaType.Number:
                if (l.IsInteger(idx))
                {
                    return JsonValue.Create(l.ToInteger(idx));
                }

                var d = l.ToNumber(idx);
                return double.IsFinite(d) ? JsonValue.Create(d) : null;
            case LuaType.String:
                return JsonValue.Create(Encoding.UTF8.GetString(l.ToBuffer(idx, false)));
            case LuaType.Table:
                return ConvertTable(l, idx, path, allowCallables, forResult, visiting, depth);
            case LuaType.UserData when l.ToUserData(idx) == bridge.NullSentinel:
                return null;
        }

        var typeName = l.Type(idx) switch
        {
            LuaType.Function => "function",
            LuaType.Thread => "thread",
            _ => "userdata",
        };
        if (forResult)
        {
            return JsonValue.Create($"<{typeName}>");
        }

        if (allowCallables)
        {
            if (l.Type(idx) == LuaType.Function)
            {
                return ScriptJson.Function(bridge.CreateFunctionRef(l, idx));
            }

            if (bridge.Objects.TryGet(l, idx) is { } obj)
            {
                return ScriptJson.Object(obj);
            }
        }

        throw new ScriptException($"cannot convert a {typeName} value to JSON at '{path}'");
    }

    private JsonNode ConvertTable(LuaState l, int idx, string path, bool allowCallables, bool forResult, HashSet<IntPtr> visiting, int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new ScriptException($"table nested deeper than {MaxDepth} levels at '{path}'");
        }

        var ptr = l.ToPointer(idx);
        if (!visiting.Add(ptr))
        {
            throw new ScriptException($"cyclic table at '{path}'");
        }

        l.CheckStack(6);
        var marker = JsonTypeMarker(l, idx);
        if (marker == "array")
        {
            var len = l.RawLen(idx);
            var marked = new JsonArray();
            for (var i = 1; i <= len; i++)
            {
                l.RawGetInteger(idx, i);
                marked.Add(Convert(l, l.GetTop(), $"{path}[{i}]", allowCallables, forResult, visiting, depth + 1));
                l.Pop(1);
            }

            visiting.Remove(ptr);
            return marked;
        }

        var entries = new List<(string Key, long? IntKey, JsonNode? Value)>();
        long maxInt = 0;
        var onlyInts = true;
        l.PushNil();
        while (l.Next(idx))
        {
            string? key = null;
            long? intKey = null;
            switch (l.Type(-2))
            {
                case LuaType.String:
                    key = Encoding.UTF8.GetString(l.ToBuffer(-2, false));
                    onlyInts = false;
                    break;
                case LuaType.Number when l.IsInteger(-2):
                    intKey = l.ToInteger(-2);
                    key = intKey.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    maxInt = Math.Max(maxInt, intKey.Value);
                    onlyInts &= intKey > 0;
                    break;
                case LuaType.Number:
                    key = LuaNumbers.Format(l.ToNumber(-2));
                    onlyInts = false;
                    break;
                default:
                    onlyInts = false;
                    break;
            }

            if (key is not null)
            {
                var childPath = intKey is not null ? $"{path}[{intKey}]" : $"{path}.{key}";
                entries.Add((key, intKey, Convert(l, l.GetTop(), childPath, allowCallables, forResult, visiting, depth + 1)));
            }

            l.Pop(1);
        }

        visiting.Remove(ptr);
        if (marker != "object" && onlyInts && entries.Count > 0 && maxInt == entries.Count)
        {
            var arr = new JsonNode?[entries.Count];
            foreach (var e in entries)
            {
                arr[e.IntKey!.Value - 1] = e.Value;
            }

            return new JsonArray(arr);
        }

        var obj = new JsonObject();
        foreach (var e in entries)
        {
            obj[e.Key] = e.Value;
        }

        return obj;
    }

    private static string? JsonTypeMarker(LuaState l, int idx)
    {
        if (!l.GetMetaTable(idx))
        {
            return null;
        }

        l.PushString("__jsontype");
        l.RawGet(-2);
        var marker = l.Type(-1) == LuaType.String ? Encoding.UTF8.GetString(l.ToBuffer(-1, false)) : null;
        l.Pop(2);
        return marker;
    }
}
