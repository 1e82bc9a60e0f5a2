using System.Text.Json.Nodes;
using LlmSpell.Agents;
using LlmSpell.Configuration;
using LlmSpell.Providers;
using LlmSpell.Providers.Configuration;
using LlmSpell.Providers.Http;
using LlmSpell.Providers.Usage;
using LlmSpell.Security;
using LlmSpell.Tools;

namespace LlmSpell.Providers.Tests;

/// <summary>Builds a provider hub and agent registry from TOML, without the script engine.</summary>
internal sealed class AgentTestKit : IDisposable
{
    public AgentTestKit(string toml, IReadOnlyDictionary<string, string>? env = null, TimeProvider? time = null, IToolInvoker? tools = null, KeyStoreCredentials? storedKeys = null)
    {
        var loaded = ConfigLoader.FromText(toml, "test.toml", new Dictionary<string, string>());
        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        Time = time ?? TimeProvider.System;
        Events = new LogProviderEvents();
        var environment = env ?? new Dictionary<string, string>();
        Hub = new ProviderHub(new ProviderResolver(loaded.Config, n => environment.GetValueOrDefault(n), storedKeys),
            new UsageLedger(loaded.Config.GetDouble("runtime.max_cost_usd"), Time), Events, Time);
        Registry = new AgentRegistry(Hub, () => tools);
    }

    public TimeProvider Time { get; }

    public LogProviderEvents Events { get; }

    public ProviderHub Hub { get; }

    public AgentRegistry Registry { get; }

    public LlmAgent Build(string name, string model, Action<AgentConfig>? configure = null)
    {
        var c = new AgentConfig { Name = name, Model = model };
        configure?.Invoke(c);
        return Registry.Build(c);
    }

    public static Task<AgentReply> Ask(LlmAgent agent, string text, Func<string, bool>? onChunk = null) =>
        agent.ExecuteAsync(AgentRequest.From(agent.Name, JsonValue.Create(text)), onChunk, TestContext.Current.CancellationToken);

    /// <summary>TOML for a provider entry named <paramref name="name"/> pointing at the fake server.</summary>
    public static string Entry(string name, string type, string baseUrl, string extra = "") =>
        $"[providers.{name}]\nprovider_type = \"{type}\"\nbase_url = \"{baseUrl}\"\napi_key = \"sk-test-123\"\n{extra}\n";

    public void Dispose() => Hub.Dispose();
}
