namespace LlmSpell.Scripting;

/// <summary>
/// The script-visible shape of one global (a table of functions and values). Defined once in the
/// script API layer; each engine binds it (architecture.md, "a global is defined once").
/// </summary>
public sealed class GlobalDefinition(string name)
{
    /// <summary>Global name ("Tool", "JSON").</summary>
    public string Name { get; } = name;

    /// <summary>Functions in definition order (aliases are separate entries).</summary>
    public List<KeyValuePair<string, ScriptFunction>> Functions { get; } = [];

    /// <summary>Constant values (JSON.null, nested tables such as Replay.modes).</summary>
    public List<KeyValuePair<string, object?>> Values { get; } = [];

    /// <summary>Sub-tables (for example <c>Replay.schedules</c>).</summary>
    public List<GlobalDefinition> Children { get; } = [];

    /// <summary>
    /// Resolves keys that are not functions or values (<c>Tool.file_operations</c>); null means
    /// there is no dynamic lookup.
    /// </summary>
    public Func<string, object?>? Index { get; set; }

    /// <summary>Adds a function under its name and aliases.</summary>
    public GlobalDefinition Function(string name, ScriptFunction fn, params string[] aliases)
    {
        Functions.Add(new(name, fn));
        foreach (var alias in aliases)
        {
            Functions.Add(new(alias, fn));
        }

        return this;
    }

    /// <summary>Adds a constant value.</summary>
    public GlobalDefinition Value(string name, object? value)
    {
        Values.Add(new(name, value));
        return this;
    }
}
