using System.Text.Json.Nodes;

namespace LlmSpell.Hooks;

/// <summary>
/// The outcome of one firing of a hook point, after every hook in the chain has had its say
/// (behaviours.md §5.4): <see cref="HookResultKind.Modified"/> results accumulate into
/// <see cref="Data"/>; the first cancel, skipped, replace, redirect or retry ends the chain.
/// </summary>
/// <param name="Kind">What the operation must do.</param>
/// <param name="Data">For Continue/Modified: the context data as the operation must use it (already merged);
/// for Replace: the replacement value.</param>
/// <param name="Reason">Cancel/Skipped reason (null: the default text).</param>
/// <param name="Target">Redirect target (tool or agent name).</param>
/// <param name="DelayMs">Retry delay in milliseconds.</param>
/// <param name="MaxAttempts">Retry: attempts in total for this call.</param>
public sealed record HookResult(
    HookResultKind Kind,
    JsonObject? Data = null,
    string? Reason = null,
    string? Target = null,
    int DelayMs = 1000,
    int MaxAttempts = 3)
{
    /// <summary>Proceed unchanged.</summary>
    public static readonly HookResult Continue = new(HookResultKind.Continue);

    /// <summary>True when the operation proceeds (continue or modified).</summary>
    public bool Proceeds => Kind is HookResultKind.Continue or HookResultKind.Modified;
}
