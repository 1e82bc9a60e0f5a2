using System.Text.Json.Nodes;
using LlmSpell.Configuration;

namespace LlmSpell.Cli.Hosting;

/// <summary>CLI flags applied after the file and environment (cli-and-config.md §4.3, last step).</summary>
internal static class ConfigOverrides
{
    public static void Apply(LlmSpellConfig config, CliSettings settings)
    {
        if (settings.DebugLevel is { } level)
        {
            config.Set("debug.level", Diagnostics.LogLevels.Name(level));
        }

        if (settings.DebugFormat is { } format)
        {
            config.Set("debug.output.format", format);
        }

        if (settings.DebugPerf)
        {
            config.Set("debug.performance.enabled", true);
        }

        if (settings.DebugModules is { } modules)
        {
            var enabled = config.Get("debug.module_filters.enabled") as JsonArray ?? [];
            var disabled = config.Get("debug.module_filters.disabled") as JsonArray ?? [];
            foreach (var m in modules.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (m.StartsWith('-'))
                {
                    disabled.Add((JsonNode?)m[1..]);
                }
                else
                {
                    enabled.Add((JsonNode?)m.TrimStart('+'));
                }
            }

            config.Set("debug.module_filters.enabled", enabled.DeepClone());
            config.Set("debug.module_filters.disabled", disabled.DeepClone());
        }

        if (config.GetBool("engines.lua.enable_debug") && settings.DebugLevel is null)
        {
            config.Set("debug.level", "debug");
        }
    }

    /// <summary>Applies the run/exec RAG and streaming flags (cli-and-config.md §2.1).</summary>
    public static string? ApplyRunFlags(LlmSpellConfig config, RunFlags flags)
    {
        if (flags.Stream)
        {
            config.Set("runtime.enable_streaming", true);
        }

        if (flags.RagConfig is { } file)
        {
            if (!File.Exists(file))
            {
                return $"configuration file not found: {file}";
            }

            var loaded = ConfigLoader.FromText("[rag]\n" + IndentAsRag(File.ReadAllText(file)), file, new Dictionary<string, string>());
            if (!loaded.IsValid)
            {
                return loaded.Errors[0];
            }

            config.Set("rag", loaded.Config.Get("rag")?.DeepClone());
        }

        if (flags.Rag)
        {
            config.Set("rag.enabled", true);
        }

        if (flags.NoRag)
        {
            config.Set("rag.enabled", false);
        }

        if (flags.RagDims is { } dims)
        {
            config.Set("rag.vector_storage.dimensions", dims);
        }

        if (flags.RagBackend is { } backend)
        {
            if (backend is not ("hnsw" or "pgvector"))
            {
                return $"unknown RAG backend '{backend}'; available: hnsw, pgvector";
            }

            config.Set("rag.vector_storage.backend", backend);
        }

        return null;
    }

    // A --rag-config file uses the keys of [rag] at its top level; sub-tables become [rag.x].
    private static string IndentAsRag(string text) =>
        string.Join('\n', text.Split('\n').Select(line =>
        {
            var t = line.TrimStart();
            if (t.StartsWith("[[", StringComparison.Ordinal))
            {
                return "[[rag." + t[2..];
            }

            return t.StartsWith('[') ? "[rag." + t[1..] : line;
        }));
}

/// <summary>Flags of run/exec.</summary>
internal sealed record RunFlags(bool Stream, bool Rag, bool NoRag, string? RagConfig, long? RagDims, string? RagBackend);
