namespace LlmSpell.Scripting;

/// <summary>
/// Describes the script-visible surface of a kind of <see cref="ScriptObject"/>: its methods and
/// read-only fields. Reading any other key yields nil (runtime.md §8).
/// </summary>
public sealed class ScriptObjectType
{
    private readonly Dictionary<string, ScriptMethod> _methods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<ScriptObject, object?>> _fields = new(StringComparer.Ordinal);

    public ScriptObjectType(string name, bool allowDotForm = false)
    {
        Name = name;
        AllowDotForm = allowDotForm;
    }

    /// <summary>Type name used in messages ("AgentBuilder", "Agent").</summary>
    public string Name { get; }

    /// <summary>
    /// Builders accept b.name("x") as well as b:name("x") (globals.md §1.2): methods are bound to
    /// the instance when read.
    /// </summary>
    public bool AllowDotForm { get; }

    /// <summary>Methods by name (aliases are separate entries).</summary>
    public IReadOnlyDictionary<string, ScriptMethod> Methods => _methods;

    /// <summary>Read-only fields by name.</summary>
    public IReadOnlyDictionary<string, Func<ScriptObject, object?>> Fields => _fields;

    /// <summary>Adds a method under one or more names.</summary>
    public ScriptObjectType Method(string name, ScriptMethod method, params string[] aliases)
    {
        _methods[name] = method;
        foreach (var alias in aliases)
        {
            _methods[alias] = method;
        }

        return this;
    }

    /// <summary>Adds a typed method.</summary>
    public ScriptObjectType Method<T>(string name, Func<T, ScriptArgs, object?> method, params string[] aliases)
        where T : ScriptObject =>
        Method(name, (self, args) => method((T)self, args), aliases);

    /// <summary>Adds a read-only field.</summary>
    public ScriptObjectType Field<T>(string name, Func<T, object?> getter)
        where T : ScriptObject
    {
        _fields[name] = o => getter((T)o);
        return this;
    }
}
