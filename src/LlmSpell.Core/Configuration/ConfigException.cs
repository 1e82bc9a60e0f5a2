namespace LlmSpell.Configuration;

/// <summary>
/// The configuration could not be loaded. Each entry of <see cref="Errors"/> is one user-facing
/// line without the "Error: " prefix (cli-and-config.md §3.4).
/// </summary>
public sealed class ConfigException(IReadOnlyList<string> errors)
    : Exception(errors.Count > 0 ? errors[0] : "invalid configuration")
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
