using LlmSpell.Scripting;

namespace LlmSpell.Hooks;

/// <summary><c>Hook '&lt;Point&gt;' failed: &lt;reason&gt;</c> (hooks.fail_on_error) or
/// <c>Hook '&lt;Point&gt;' cancelled &lt;kind&gt; '&lt;name&gt;': &lt;reason&gt;</c> (a cancel result).</summary>
public sealed class HookFailedException(string message) : ScriptException(message)
{
    /// <summary>The message a cancel result raises (behaviours.md §5.4).</summary>
    public static HookFailedException Cancelled(HookPoint point, string kind, string name, string? reason) =>
        new($"Hook '{point}' cancelled {kind} '{name}': {reason ?? "cancelled by hook"}");
}
