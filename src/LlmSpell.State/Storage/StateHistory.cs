namespace LlmSpell.State.Storage;

/// <summary>History retention shared by every backend.</summary>
public static class StateHistory
{
    /// <summary>Versions kept per key (the current one included); older versions are pruned on write.</summary>
    public const int Retained = 20;
}
