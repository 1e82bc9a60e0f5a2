using System.CommandLine;
using System.Text.Json.Nodes;
using LlmSpell.Cli.Hosting;
using LlmSpell.Globals;
using LlmSpell.Output;
using LlmSpell.Runtime;
using LlmSpell.Values;

namespace LlmSpell.Cli.Commands;

/// <summary><c>info [--all]</c>: version, engine, configuration and enabled features (cli-and-config.md §2.7).</summary>
internal static class InfoCommand
{
    public static Command Create(GlobalOptions options, RunOutput output)
    {
        var all = new Option<bool>("--all") { Description = "Also list tools and sandbox roots" };
        var cmd = new Command("info", "Show version, engine, configuration and enabled features");
        cmd.Options.Add(all);
        cmd.SetAction(r =>
        {
            var settings = CliSettings.From(r, options);
            var config = ConfigSupport.LoadOrReport(settings, output);
            if (config is null)
            {
                return 1;
            }

            var info = Collect(config, settings, r.GetValue(all));
            if (settings.Output == "json")
            {
                output.WriteStdoutLine(JsonText.Pretty(info, keepOrder: true));
                return 0;
            }

            output.WriteStdoutLine($"llmspell {ProductInfo.Version}");
            output.WriteStdoutLine("Engine: lua - Lua 5.4");
            output.WriteStdoutLine($"Configuration: {config.Path ?? "(defaults)"}");
            foreach (var (key, value) in info)
            {
                if (key is "version" or "engine" or "engines" or "config_path")
                {
                    continue;
                }

                output.WriteStdoutLine($"{Title(key)}: {Describe(value)}");
            }

            return 0;
        });
        return cmd;
    }

    public static JsonObject Collect(Configuration.LlmSpellConfig config, CliSettings settings, bool all)
    {
        var info = new JsonObject
        {
            ["version"] = ProductInfo.Version,
            ["engine"] = "lua - Lua 5.4",
            ["engines"] = new JsonArray(new JsonObject { ["name"] = "lua", ["available"] = true, ["current"] = true }, new JsonObject { ["name"] = "javascript", ["available"] = false, ["current"] = false }),
            ["config_path"] = config.Path,
            ["state"] = new JsonObject
            {
                ["enabled"] = config.GetBool("runtime.state_persistence.enabled", true),
                ["backend"] = config.GetString("runtime.state_persistence.backend_type"),
                ["path"] = config.GetString("runtime.state_persistence.backend_type") == "sqlite" ? config.GetString("runtime.state_persistence.path") : null,
            },
            ["sessions"] = new JsonObject
            {
                ["enabled"] = config.GetBool("runtime.sessions.enabled"),
                ["backend"] = config.GetString("runtime.sessions.storage_backend"),
            },
            ["rag"] = new JsonObject
            {
                ["enabled"] = config.GetBool("rag.enabled"),
                ["embedding_provider"] = config.GetString("rag.embedding.default_provider"),
                ["embedding_model"] = config.GetString("rag.embedding.model") ?? (config.GetString("rag.embedding.default_provider") == "local" ? "hash-v1" : null),
                ["dimensions"] = config.GetInt("rag.vector_storage.dimensions"),
                ["persistence"] = config.GetString("rag.vector_storage.persistence_path"),
            },
            ["hooks"] = new JsonObject { ["enabled"] = config.GetBool("hooks.enabled", true) },
            ["events"] = new JsonObject { ["enabled"] = config.GetBool("events.enabled", true) },
            ["tools"] = 0,
            ["providers"] = config.ProviderNames.Count,
        };
        foreach (var module in ModuleCatalog.Create(settings))
        {
            module.Describe(info, config, all);
        }

        if (all)
        {
            info["sandbox_roots"] = new JsonArray([.. CoreModule.CreateSandbox(config).Roots.Select(p => (JsonNode)p)]);
        }

        return info;
    }

    private static string Title(string key) => string.Join(' ', key.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string Describe(JsonNode? value) => value switch
    {
        JsonObject o => string.Join(", ", o.Where(kv => kv.Value is not null).Select(kv => $"{kv.Key}={Describe(kv.Value)}")),
        JsonArray a => a.Count == 0 ? "(none)" : string.Join(", ", a.Select(Describe)),
        null => "-",
        _ => JsonValues.AsString(value) ?? JsonText.Compact(value),
    };
}
