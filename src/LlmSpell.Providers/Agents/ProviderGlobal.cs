using LlmSpell.Configuration;
using LlmSpell.Providers;
using LlmSpell.Scripting;

namespace LlmSpell.Agents;

/// <summary>The <c>Provider</c> global (globals.md §10).</summary>
internal sealed class ProviderGlobal(ProviderHub hub, Func<string, string?> environment) : IScriptGlobal
{
    public GlobalDefinition Define()
    {
        var g = new GlobalDefinition("Provider");
        g.Function("list", _ => new System.Text.Json.Nodes.JsonArray([.. List().Select(t => (System.Text.Json.Nodes.JsonNode?)ScriptJson.Named(t))]));
        g.Function("get", a => Get(a.String(0, "name")));
        g.Function("getCapabilities", a => Get(a.String(0, "name")) is { } t ? t.Table["capabilities"]!.DeepClone() : null, "get_capabilities");
        g.Function("isAvailable", a => hub.Resolver.Find(a.String(0, "name")) is { Enabled: true, HasCredentials: true }, "is_available");
        g.Function("get_default", _ => hub.Resolver.DefaultProvider, "getDefault");
        g.Function("list_types", _ => new System.Text.Json.Nodes.JsonArray(
            ["anthropic", "mock", "ollama", "openai", .. ProviderCatalog.Presets.Select(p => (System.Text.Json.Nodes.JsonNode?)p.Name)]), "listTypes");
        return g;
    }

    private List<NamedTable> List()
    {
        var used = hub.Used;
        return [.. ProviderTables.ListedNames(hub.Resolver, environment, used.Keys)
            .Select(n => hub.Resolver.Find(n) is { } s ? new NamedTable(ProviderTables.Table(s, used.GetValueOrDefault(n)), n) : null)
            .OfType<NamedTable>()];
    }

    private NamedTable? Get(string name)
    {
        var s = hub.Resolver.Find(name);
        return s is null ? null : new NamedTable(ProviderTables.Table(s, hub.Used.GetValueOrDefault(name)), s.Name);
    }
}
