namespace LlmSpell.Scripting;

/// <summary>
/// A function defined by the script (callback, hook, Lua tool, condition). Calling it from any
/// thread is safe: calls from other threads are queued for the script thread (runtime.md §4.3).
/// </summary>
public interface IScriptFunction
{
    /// <summary>
    /// Calls the function and returns its first result as a neutral value (tables become JsonNode
    /// trees, with functions and objects kept as opaque values).
    /// </summary>
    /// <exception cref="ScriptCallbackException">The function raised an error.</exception>
    object? Call(params object?[] args);

    /// <summary>
    /// As <see cref="Call"/>, but a cancelled <paramref name="cancellationToken"/> interrupts the
    /// running function (Lua: at its next instruction check) with an error naming the time limit —
    /// how Lua-defined tools honour their time limit (behaviours.md §3.2).
    /// </summary>
    object? CallWithCancellation(CancellationToken cancellationToken, params object?[] args);

    /// <summary>Where the function was defined ("script.lua:12"), for diagnostics.</summary>
    string Location { get; }
}
