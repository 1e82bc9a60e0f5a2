using System.Text.Json.Nodes;

namespace LlmSpell.Configuration;

/// <summary>Fills schema defaults and the defaults derived from other keys (state path, session backend, aliases).</summary>
internal static class ConfigDefaults
{
    internal static void Apply(LlmSpellConfig config, SchemaNode node, string prefix)
    {
        foreach (var (key, child) in node.Children)
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            if (child.Leaf is { Default: { } d } && config.Get(path) is null)
            {
                config.Set(path, d.DeepClone());
            }

            if (child.Children.Count > 0)
            {
                Apply(config, child, path);
            }

            if (child.Wildcard is { } wild && config.GetSection(path) is { } section)
            {
                foreach (var (entryName, entry) in section)
                {
                    if (entry is not JsonObject)
                    {
                        continue;
                    }

                    foreach (var (leafName, leafNode) in wild.Children)
                    {
                        var leafPath = $"{path}.{entryName}.{leafName}";
                        if (leafNode.Leaf is { Default: { } ld } && leafNode.Children.Count == 0 && config.Get(leafPath) is null)
                        {
                            config.Set(leafPath, ld.DeepClone());
                        }
                    }
                }
            }
        }
    }

    internal static void ApplyDerived(LlmSpellConfig config)
    {
        if (config.GetString("runtime.state_persistence.path") is null)
        {
            var dir = config.GetString("runtime.state_persistence.schema_directory");
            config.Set("runtime.state_persistence.path", dir is null ? "./.llmspell/llmspell.db" : System.IO.Path.Combine(dir, "state.db"));
        }

        var backend = config.GetString("runtime.state_persistence.backend_type");
        if (backend == "file")
        {
            config.Set("runtime.state_persistence.backend_type", "sqlite");
            backend = "sqlite";
        }

        var sessions = config.GetString("runtime.sessions.storage_backend");
        if (sessions is null)
        {
            var persistent = config.GetBool("runtime.state_persistence.enabled", true) && backend is "sqlite" or "postgres";
            config.Set("runtime.sessions.storage_backend", persistent ? backend : "memory");
        }
        else if (sessions == "file")
        {
            config.Set("runtime.sessions.storage_backend", "sqlite");
        }

        if (config.GetString("runtime.sessions.storage_path") is null)
        {
            config.Set("runtime.sessions.storage_path", config.GetString("runtime.state_persistence.path"));
        }

        if (config.GetString("runtime.sessions.connection_string") is null &&
            config.GetString("runtime.state_persistence.connection_string") is { } cs)
        {
            config.Set("runtime.sessions.connection_string", cs);
        }

        if (config.GetString("engines.lua.stdlib") == "full")
        {
            config.Set("engines.lua.stdlib", "all");
        }

        if (config.GetString("tools.network.user_agent") is null)
        {
            config.Set("tools.network.user_agent", $"llmspell/{ProductInfo.Version}");
        }

        var metric = config.GetString("rag.vector_storage.hnsw.metric");
        if (metric is "innerproduct" or "dot")
        {
            config.Set("rag.vector_storage.hnsw.metric", "inner_product");
        }
    }
}
