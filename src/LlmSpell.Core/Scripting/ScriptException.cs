namespace LlmSpell.Scripting;

/// <summary>
/// A failure reported to the script as an error value. The message is the user-facing text
/// "&lt;component&gt;: &lt;reason&gt;" of runtime.md §9.2; the engine binding prefixes the script location.
/// </summary>
public class ScriptException : Exception
{
    public ScriptException(string message)
        : base(message)
    {
    }

    public ScriptException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
