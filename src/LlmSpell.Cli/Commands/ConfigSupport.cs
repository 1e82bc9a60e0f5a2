using LlmSpell.Cli.Hosting;
using LlmSpell.Configuration;
using LlmSpell.Output;

namespace LlmSpell.Cli.Commands;

/// <summary>Loads configuration for a command and prints warnings and errors the way every command does.</summary>
internal static class ConfigSupport
{
    /// <summary>Loads and reports; returns null (after printing errors) when the configuration is invalid.</summary>
    public static LlmSpellConfig? LoadOrReport(CliSettings settings, RunOutput output)
    {
        var result = ConfigLoader.Load(ConfigLoadOptions.ForProcess(settings.ConfigPath, settings.NoConfig));
        if (!settings.Quiet)
        {
            foreach (var w in result.Warnings)
            {
                output.WriteStderrLine("Warning: " + w);
            }
        }

        if (!result.IsValid)
        {
            foreach (var e in result.Errors)
            {
                output.WriteStderrLine("Error: " + e);
            }

            return null;
        }

        ConfigOverrides.Apply(result.Config, settings);
        return result.Config;
    }

    /// <summary>Checks --engine; prints the error and returns false for engines other than Lua.</summary>
    public static bool CheckEngine(CliSettings settings, RunOutput output)
    {
        if (settings.Engine is null || string.Equals(settings.Engine, "lua", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        output.WriteStderrLine($"Error: script engine '{settings.Engine}' is not available; only 'lua' is supported");
        return false;
    }
}
