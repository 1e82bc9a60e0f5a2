using System.Globalization;
using System.Text.Json.Nodes;

namespace LlmSpell.Scripting;

/// <summary>
/// The arguments of one API call, as a lazy view over the engine's values: nothing is converted
/// unless the function asks for it. Indexes are 0-based; messages number arguments from 1 as
/// globals.md requires (<c>Tool.invoke: bad argument #1 'name': expected string, got nil</c>).
/// </summary>
public abstract class ScriptArgs
{
    /// <summary>The API name used in messages ("Tool.invoke", "AgentBuilder:temperature").</summary>
    public abstract string Api { get; }

    /// <summary>Number of arguments passed.</summary>
    public abstract int Count { get; }

    /// <summary>Type of the argument at <paramref name="index"/> (Nil past the end).</summary>
    public abstract ScriptType TypeOf(int index);

    /// <summary>Raw string value (numbers are converted to their text); the argument must be a string or number.</summary>
    protected abstract string ReadString(int index);

    /// <summary>Raw bytes of a string argument.</summary>
    protected abstract byte[] ReadBytes(int index);

    protected abstract long ReadInteger(int index);

    protected abstract double ReadNumber(int index);

    protected abstract bool ReadBool(int index);

    /// <summary>Converts any argument to the neutral model; <paramref name="path"/> names it in conversion errors.</summary>
    protected abstract JsonNode? ReadValue(int index, string path, bool allowCallables);

    protected abstract IScriptFunction ReadFunction(int index);

    protected abstract ScriptObject? ReadObject(int index);

    protected abstract IScriptTable ReadTableRef(int index);

    /// <summary>True when the argument is absent or nil.</summary>
    public bool IsNil(int index) => TypeOf(index) == ScriptType.Nil;

    /// <summary>The exception for a wrongly typed argument.</summary>
    public ScriptException BadArgument(int index, string name, string expected) =>
        new($"{Api}: bad argument #{index + 1} '{name}': expected {expected}, got {TypeName(TypeOf(index))}");

    /// <summary>The exception for an argument with an invalid value.</summary>
    public ScriptException InvalidArgument(string reason) => new($"{Api}: {reason}");

    public static string TypeName(ScriptType t) => t switch
    {
        ScriptType.Nil => "nil",
        ScriptType.Boolean => "boolean",
        ScriptType.Integer or ScriptType.Float => "number",
        ScriptType.String => "string",
        ScriptType.Table => "table",
        ScriptType.Function => "function",
        ScriptType.Object => "userdata",
        _ => "userdata",
    };

    public string String(int index, string name) =>
        TypeOf(index) is ScriptType.String or ScriptType.Integer or ScriptType.Float
            ? ReadString(index)
            : throw BadArgument(index, name, "string");

    public string? OptString(int index, string name) => IsNil(index) ? null : String(index, name);

    /// <summary>A required string that must not be empty.</summary>
    public string NonEmptyString(int index, string name)
    {
        var s = String(index, name);
        return s.Length == 0 ? throw BadArgument(index, name, "non-empty string") : s;
    }

    public byte[] Bytes(int index, string name) =>
        TypeOf(index) is ScriptType.String or ScriptType.Integer or ScriptType.Float
            ? ReadBytes(index)
            : throw BadArgument(index, name, "string");

    public long Integer(int index, string name)
    {
        switch (TypeOf(index))
        {
            case ScriptType.Integer:
                return ReadInteger(index);
            case ScriptType.Float:
                var d = ReadNumber(index);
                if (d == Math.Floor(d) && Math.Abs(d) < 9.2e18)
                {
                    return (long)d;
                }

                break;
            case ScriptType.String when long.TryParse(ReadString(index), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l):
                return l;
        }

        throw BadArgument(index, name, "integer");
    }

    public long? OptInteger(int index, string name) => IsNil(index) ? null : Integer(index, name);

    public double Number(int index, string name) => TypeOf(index) switch
    {
        ScriptType.Integer => ReadInteger(index),
        ScriptType.Float => ReadNumber(index),
        ScriptType.String when double.TryParse(ReadString(index), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw BadArgument(index, name, "number"),
    };

    public double? OptNumber(int index, string name) => IsNil(index) ? null : Number(index, name);

    public bool Bool(int index, string name) =>
        TypeOf(index) == ScriptType.Boolean ? ReadBool(index) : throw BadArgument(index, name, "boolean");

    public bool? OptBool(int index, string name) => IsNil(index) ? null : Bool(index, name);

    /// <summary>Lua truthiness of an argument (nil and false are false).</summary>
    public bool Truthy(int index) => TypeOf(index) switch
    {
        ScriptType.Nil => false,
        ScriptType.Boolean => ReadBool(index),
        _ => true,
    };

    /// <summary>Any JSON-convertible value (nil → null).</summary>
    public JsonNode? Value(int index, string name) => ReadValue(index, name, allowCallables: false);

    /// <summary>Any value; functions and objects inside tables are kept as opaque values.</summary>
    public JsonNode? ValueWithCallables(int index, string name) => ReadValue(index, name, allowCallables: true);

    /// <summary>A required table converted to the neutral model.</summary>
    public JsonNode Table(int index, string name, bool allowCallables = false) =>
        TypeOf(index) == ScriptType.Table
            ? ReadValue(index, name, allowCallables)!
            : throw BadArgument(index, name, "table");

    /// <summary>An optional table; an empty or array table yields an empty object only when empty.</summary>
    public JsonObject? OptObject(int index, string name, bool allowCallables = false)
    {
        if (IsNil(index))
        {
            return null;
        }

        var node = Table(index, name, allowCallables);
        return node switch
        {
            JsonObject o => o,
            JsonArray { Count: 0 } => new JsonObject(),
            _ => throw BadArgument(index, name, "table with named fields"),
        };
    }

    public JsonObject Object(int index, string name, bool allowCallables = false) =>
        OptObject(index, name, allowCallables) ?? throw BadArgument(index, name, "table");

    public IScriptFunction Function(int index, string name) =>
        TypeOf(index) == ScriptType.Function ? ReadFunction(index) : throw BadArgument(index, name, "function");

    public IScriptFunction? OptFunction(int index, string name) => IsNil(index) ? null : Function(index, name);

    public IScriptTable TableRef(int index, string name) =>
        TypeOf(index) == ScriptType.Table ? ReadTableRef(index) : throw BadArgument(index, name, "table");

    /// <summary>A script object of type <typeparamref name="T"/>.</summary>
    public T ObjectOf<T>(int index, string name, string expected)
        where T : ScriptObject =>
        TypeOf(index) == ScriptType.Object && ReadObject(index) is T t ? t : throw BadArgument(index, name, expected);

    /// <summary>The script object at <paramref name="index"/>, or null when it is not one.</summary>
    public ScriptObject? TryObject(int index) => TypeOf(index) == ScriptType.Object ? ReadObject(index) : null;
}
