namespace LlmSpell.Configuration;

/// <summary>Inputs of configuration loading (cli-and-config.md §4).</summary>
/// <param name="ExplicitPath">The -c/--config file, if given.</param>
/// <param name="NoConfig">--no-config: skip LLMSPELL_CONFIG and discovery.</param>
/// <param name="Environment">Process environment variables.</param>
/// <param name="WorkingDirectory">Directory discovery starts in.</param>
public sealed record ConfigLoadOptions(
    string? ExplicitPath,
    bool NoConfig,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory)
{
    /// <summary>Options for the current process.</summary>
    public static ConfigLoadOptions ForProcess(string? explicitPath, bool noConfig)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in System.Environment.GetEnvironmentVariables())
        {
            env[(string)e.Key] = (string?)e.Value ?? "";
        }

        return new ConfigLoadOptions(explicitPath, noConfig, env, Directory.GetCurrentDirectory());
    }
}

/// <summary>Outcome of loading: the configuration, warnings and errors (each one line, no prefix).</summary>
public sealed record ConfigLoadResult(LlmSpellConfig Config, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
