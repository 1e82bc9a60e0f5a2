using System.Text.Json.Nodes;
using LlmSpell.Configuration;
using LlmSpell.Providers;
using LlmSpell.Providers.Configuration;
using LlmSpell.Providers.Http;
using LlmSpell.Providers.Usage;
using LlmSpell.Runtime;
using LlmSpell.Security;
using LlmSpell.Scripting;
using LlmSpell.State;
using LlmSpell.Tools;

namespace LlmSpell.Agents;

/// <summary>Providers and agents: the provider hub, the agent registry and the Agent and Provider globals.</summary>
public sealed class AgentsModule(Func<string, string?>? environment = null) : IRuntimeModule
{
    /// <summary>The HTTP transport under every provider pipeline (default: sockets); benchmarks use an in-memory one.</summary>
    internal Func<HttpMessageHandler>? Transport { get; init; }

    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    public void Configure(RuntimeServices services, RunContext context)
    {
        services.Add(_ => new ProviderHub(
            new ProviderResolver(context.Config, _environment, KeyStoreCredentials.FromEnvironment(_environment, context.Time, m => context.Log(1, m))),
            new UsageLedger(context.Config.GetDouble("runtime.max_cost_usd"), context.Time),
            new LogProviderEvents(m => context.Log(1, m)),
            context.Time) { Warn = context.Warn, Transport = Transport });
        services.Add(s => new AgentRegistry(s.Get<ProviderHub>(), () => s.TryGet<IToolInvoker>()));
        context.OnShutdown(ShutdownStep.Stores, "providers", _ => services.TryGet<ProviderHub>()?.Dispose());
    }

    public IEnumerable<IScriptGlobal> Globals(RuntimeServices services, RunContext context)
    {
        var ctx = new AgentScriptContext(services.Get<AgentRegistry>(), context, () => services.TryGet<IStateAccess>(), () => services.TryGet<IToolRegistrar>());
        return [new AgentGlobal(ctx), new ProviderGlobal(services.Get<ProviderHub>(), _environment)];
    }

    public void Describe(JsonObject info, LlmSpellConfig config, bool all)
    {
        var resolver = new ProviderResolver(config, _environment);
        info["providers"] = new JsonArray([.. ProviderTables.ListedNames(resolver, _environment, [])
            .Select(n => (JsonNode?)n)]);
    }
}
