using LlmSpell.Agents;
using LlmSpell.Configuration;
using LlmSpell.Providers;
using LlmSpell.Providers.Configuration;
using LlmSpell.Providers.Http;
using LlmSpell.Providers.Usage;

namespace LlmSpell.Benchmarks;

/// <summary>Builds an agent registry from TOML for the agent benchmarks (no script engine).</summary>
internal static class AgentBenchSetup
{
    public static (ProviderHub Hub, AgentRegistry Registry) Create(string toml, Func<HttpMessageHandler>? transport = null)
    {
        var config = ConfigLoader.FromText(toml, "bench.toml", new Dictionary<string, string>()).Config;
        var hub = new ProviderHub(new ProviderResolver(config, _ => null), new UsageLedger(null, TimeProvider.System),
            new LogProviderEvents(), TimeProvider.System) { Transport = transport };
        return (hub, new AgentRegistry(hub, () => null));
    }
}
