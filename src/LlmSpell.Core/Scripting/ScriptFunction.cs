namespace LlmSpell.Scripting;

/// <summary>
/// A function of a global. Returns a neutral value: null, bool, long, double, string, byte[],
/// JsonNode, <see cref="ScriptObject"/>, <see cref="IScriptFunction"/>, <see cref="IScriptTable"/>,
/// <see cref="NamedTable"/>, <see cref="ScriptNull"/> or <see cref="ScriptValues"/> (several results).
/// Failures are reported by throwing <see cref="ScriptException"/>.
/// </summary>
public delegate object? ScriptFunction(ScriptArgs args);

/// <summary>A method of a script object; <paramref name="self"/> is the receiver.</summary>
public delegate object? ScriptMethod(ScriptObject self, ScriptArgs args);
