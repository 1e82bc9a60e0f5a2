using System.Text;
using LlmSpell.Agents;
using LlmSpell.Configuration;
using LlmSpell.Globals;
using LlmSpell.Output;
using LlmSpell.Runtime;
using LlmSpell.Scripting;
using LlmSpell.Scripting.Lua;
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

    /// <summary>
    /// A Lua engine with the real runtime modules (Core, Agents) on <paramref name="toml"/>, and an
    /// agent on <paramref name="model"/> with history off as the global <c>bench_agent</c>.
    /// </summary>
    public static LuaEngine LuaWithAgent(string toml, string model, Func<HttpMessageHandler>? transport = null)
    {
        var config = ConfigLoader.FromText(toml, "bench.toml", new Dictionary<string, string>()).Config;
        var context = new RunContext(config, new RunOutput(Stream.Null, Stream.Null), new ScriptInfo("=bench", null, "bench", []), CancellationToken.None);
        var services = new RuntimeServices();
        services.AddInstance(context);
        IRuntimeModule[] modules = [new CoreModule(), new AgentsModule(_ => null) { Transport = transport }];
        foreach (var m in modules)
        {
            m.Configure(services, context);
        }

        var engine = new LuaEngine(context, [.. modules.SelectMany(m => m.Globals(services, context))], new LuaEngineOptions { UseProcessStdout = false });
        engine.Execute(Encoding.UTF8.GetBytes($"bench_agent = Agent.builder():name('bench'):model('{model}'):memory_enabled(false):build()"), "=setup");
        return engine;
    }
}
