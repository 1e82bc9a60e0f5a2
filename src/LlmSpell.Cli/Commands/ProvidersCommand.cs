using System.CommandLine;
using System.Text.Json.Nodes;
using LlmSpell.Output;
using LlmSpell.Providers;
using LlmSpell.Providers.Configuration;
using LlmSpell.Values;

namespace LlmSpell.Cli.Commands;

/// <summary>
/// <c>providers [--detailed]</c>: configured providers and the built-in types, whether their key is
/// present (never the key), without contacting any provider (cli-and-config.md §2.5).
/// </summary>
internal static class ProvidersCommand
{
    private static readonly string[] BuiltIns = ["openai", "anthropic", "ollama", "mock"];

    public static Command Create(GlobalOptions options, RunOutput output)
    {
        var detailed = new Option<bool>("--detailed") { Description = "Also show base URLs, models and capabilities" };
        var cmd = new Command("providers", "List configured and built-in LLM providers (never prints keys)");
        cmd.Options.Add(detailed);
        cmd.SetAction(r =>
        {
            var settings = CliSettings.From(r, options);
            var config = ConfigSupport.LoadOrReport(settings, output);
            if (config is null)
            {
                return 1;
            }

            var resolver = new ProviderResolver(config, Environment.GetEnvironmentVariable);
            var names = resolver.ConfiguredNames.Concat(BuiltIns.Where(b => !resolver.ConfiguredNames.Contains(b))).ToList();
            var providers = names.Select(resolver.Find).OfType<ProviderSettings>().ToList();
            if (settings.Output == "json")
            {
                output.WriteStdoutLine(JsonText.Pretty(new JsonArray([.. providers.Select(p => (JsonNode?)ProviderTables.Table(p))]), keepOrder: true));
                return 0;
            }

            output.WriteStdoutLine("Available Providers:");
            foreach (var p in providers)
            {
                output.WriteStdoutLine("  • " + Line(p));
                if (r.GetValue(detailed))
                {
                    var caps = ProviderTables.Table(p)["capabilities"]!;
                    if (p.Protocol != "mock")
                    {
                        output.WriteStdoutLine($"      Base URL: {p.BaseUrl}");
                    }

                    output.WriteStdoutLine("      Models:");
                    foreach (var m in caps["available_models"]!.AsArray())
                    {
                        output.WriteStdoutLine($"        - {m}");
                    }

                    var list = new List<string> { "streaming", "tools" };
                    if (caps["supports_multimodal"]!.GetValue<bool>())
                    {
                        list.Add("vision");
                    }

                    output.WriteStdoutLine($"      Capabilities: {string.Join(", ", list)}");
                    output.WriteStdoutLine($"      Max context: {caps["max_context_tokens"]} tokens");
                }
            }

            return 0;
        });
        return cmd;
    }

    private static string Line(ProviderSettings p)
    {
        var parts = new List<string> { p.Configured ? "configured" : "built-in" };
        if (!p.Enabled)
        {
            parts.Add("disabled");
        }

        if (p.DefaultModel is not null && p.Configured)
        {
            parts.Add($"default model {p.DefaultModel}");
        }

        if (p.Protocol == "mock")
        {
            parts.Add("offline test provider");
        }
        else if (p.KeyVariable is not null || p.KeyRequired)
        {
            parts.Add(string.IsNullOrEmpty(p.ApiKey)
                ? p.KeyRequired ? $"API key: missing (set {p.KeyVariable})" : "API key: not required"
                : "API key: available");
        }
        else
        {
            parts.Add($"base URL {p.BaseUrl}");
        }

        return $"{p.Name} ({p.Type}) — {string.Join(", ", parts)}";
    }
}
