namespace LlmSpell.Providers.Configuration;

/// <summary>A resolved model string: provider name and model id (behaviours.md §1.3).</summary>
public sealed record ModelRef(string Provider, string? Model)
{
    public override string ToString() => Model is null ? Provider : $"{Provider}/{Model}";
}
