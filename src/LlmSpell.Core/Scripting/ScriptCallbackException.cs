namespace LlmSpell.Scripting;

/// <summary>
/// A script function called from the platform raised an error. <see cref="Exception.Message"/> is
/// the script's error value as text (already carrying its own location, as stock Lua formats it).
/// </summary>
public sealed class ScriptCallbackException(string message) : ScriptException(message)
{
}
