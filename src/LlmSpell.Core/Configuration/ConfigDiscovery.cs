namespace LlmSpell.Configuration;

/// <summary>Finds the one configuration file of a run (cli-and-config.md §4.1).</summary>
internal static class ConfigDiscovery
{
    /// <summary>Returns the file to load, or null for built-in defaults.</summary>
    /// <exception cref="ConfigException">An explicitly named file does not exist.</exception>
    public static string? Find(ConfigLoadOptions options)
    {
        if (options.ExplicitPath is { } explicitPath)
        {
            return File.Exists(explicitPath)
                ? explicitPath
                : throw new ConfigException([$"configuration file not found: {explicitPath}"]);
        }

        if (options.NoConfig)
        {
            return null;
        }

        if (options.Environment.TryGetValue("LLMSPELL_CONFIG", out var fromEnv) && fromEnv.Length > 0)
        {
            return File.Exists(fromEnv) ? fromEnv : throw new ConfigException([$"configuration file not found: {fromEnv}"]);
        }

        var candidates = new List<string>
        {
            "./llmspell.toml", "./.llmspell.toml", "./config/llmspell.toml", "./.config/llmspell.toml",
        };
        if (options.Environment.TryGetValue("XDG_CONFIG_HOME", out var xdg) && xdg.Length > 0)
        {
            candidates.Add(System.IO.Path.Combine(xdg, "llmspell", "config.toml"));
        }

        var home = Home(options.Environment);
        if (home is not null)
        {
            candidates.Add(System.IO.Path.Combine(home, ".llmspell", "config.toml"));
            candidates.Add(System.IO.Path.Combine(home, ".llmspell.toml"));
            candidates.Add(System.IO.Path.Combine(home, ".config", "llmspell", "config.toml"));
        }

        foreach (var c in candidates)
        {
            var full = System.IO.Path.IsPathRooted(c) ? c : System.IO.Path.Combine(options.WorkingDirectory, c);
            if (File.Exists(full))
            {
                return c;
            }
        }

        return null;
    }

    public static string? Home(IReadOnlyDictionary<string, string> env) =>
        env.TryGetValue("HOME", out var h) && h.Length > 0 ? h
        : env.TryGetValue("USERPROFILE", out var u) && u.Length > 0 ? u : null;
}
