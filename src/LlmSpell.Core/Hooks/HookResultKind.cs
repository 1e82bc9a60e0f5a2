namespace LlmSpell.Hooks;

/// <summary>What a hook asks of the operation it intercepts (behaviours.md §5.4).</summary>
public enum HookResultKind
{
    Continue,
    Modified,
    Cancel,
    Skipped,
    Replace,
    Redirect,
    Retry,
}
