using System.CommandLine;
using System.Text.Json.Nodes;
using LlmSpell.Configuration;
using LlmSpell.Output;
using LlmSpell.Security;
using LlmSpell.Values;

namespace LlmSpell.Cli.Commands;

/// <summary><c>validate</c>: loads the configuration and reports every warning and error (cli-and-config.md §2.6).</summary>
internal static class ValidateCommand
{
    public static Command Create(GlobalOptions options, RunOutput output)
    {
        var cmd = new Command("validate", "Check a configuration file");
        cmd.SetAction(r =>
        {
            var settings = CliSettings.From(r, options);
            var result = ConfigLoader.Load(ConfigLoadOptions.ForProcess(settings.ConfigPath, settings.NoConfig));
            var warnings = result.Warnings.ToList();
            if (result.IsValid)
            {
                warnings.AddRange(ExtraWarnings(result.Config, Environment.GetEnvironmentVariables()));
            }

            if (settings.Output == "json")
            {
                var json = new JsonObject
                {
                    ["valid"] = result.IsValid,
                    ["path"] = result.Config.Path ?? settings.ConfigPath,
                    ["warnings"] = new JsonArray([.. warnings.Select(w => (JsonNode)w)]),
                    ["errors"] = new JsonArray([.. result.Errors.Select(e => (JsonNode)e)]),
                };
                output.WriteStdoutLine(JsonText.Pretty(json, keepOrder: true));
            }
            else
            {
                output.WriteStdoutLine("Configuration validation:");
                output.WriteStdoutLine($"  File: {result.Config.Path ?? settings.ConfigPath ?? "(no config file found - using defaults)"}");
                output.WriteStdoutLine($"  Status: {(result.IsValid ? "✓ Valid" : "✗ Invalid")}");
                if (warnings.Count > 0)
                {
                    output.WriteStdoutLine("  Warnings:");
                    warnings.ForEach(w => output.WriteStdoutLine("    - " + w));
                }

                if (result.Errors.Count > 0)
                {
                    output.WriteStdoutLine("  Errors:");
                    foreach (var e in result.Errors)
                    {
                        output.WriteStdoutLine("    - " + e.Replace("configuration error: ", "", StringComparison.Ordinal).Replace("invalid configuration: ", "", StringComparison.Ordinal));
                    }
                }
            }

            return result.IsValid ? 0 : 1;
        });
        return cmd;
    }

    /// <summary>Warnings only validate (and info) report: missing keys, no providers, RAG without persistence.</summary>
    public static IEnumerable<string> ExtraWarnings(LlmSpellConfig config, System.Collections.IDictionary env)
    {
        var providers = config.ProviderNames.Where(n => config.GetSection($"providers.{n}")?["ignored"] is null).ToList();
        if (providers.Count == 0)
        {
            yield return "No providers configured";
        }

        var stored = KeyStoreCredentials.FromEnvironment(n => env[n] as string, TimeProvider.System);
        foreach (var name in providers)
        {
            var entry = config.GetSection($"providers.{name}")!;
            var kind = ProviderCatalog.Find(JsonValues.AsString(entry["provider_type"]) ?? name);
            if (kind is null || !kind.KeyRequired || JsonValues.AsString(entry["api_key"]) is { Length: > 0 })
            {
                continue;
            }

            var variable = JsonValues.AsString(entry["api_key_env"]) ?? kind.KeyVariable;
            if ((variable is not null && env[variable] is string { Length: > 0 }) || stored.Find(name) is not null)
            {
                continue;
            }

            yield return $"provider '{name}': API key not available (set {variable})";
        }

        if (config.GetBool("rag.enabled") && config.GetString("rag.vector_storage.persistence_path") is null && config.GetString("rag.vector_storage.backend") != "pgvector")
        {
            yield return "rag.vector_storage.persistence_path is not set; vectors are kept in memory only";
        }
    }
}
