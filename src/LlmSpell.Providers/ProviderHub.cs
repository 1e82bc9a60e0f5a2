using System.Collections.Concurrent;
using LlmSpell.Providers.Clients;
using LlmSpell.Providers.Configuration;
using LlmSpell.Providers.Http;
using LlmSpell.Providers.Usage;
using LlmSpell.Telemetry;
using Microsoft.Extensions.AI;

namespace LlmSpell.Providers;

/// <summary>
/// The providers of a run: settings, one resilience pipeline and HTTP client per provider, response
/// caches, prices, the usage ledger, and which providers/models agents used (for Provider.list).
/// Creating clients makes no network call.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class ProviderHub : IDisposable
{
    private readonly ConcurrentDictionary<string, ProviderState> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _used = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _warned = new(StringComparer.Ordinal);

    public ProviderHub(ProviderResolver resolver, UsageLedger ledger, IProviderEvents events, TimeProvider time)
    {
        Resolver = resolver;
        Ledger = ledger;
        Events = events;
        Time = time;
    }

    public ProviderResolver Resolver { get; }

    public UsageLedger Ledger { get; }

    public IProviderEvents Events { get; }

    public TimeProvider Time { get; }

    /// <summary>The HTTP transport under each provider's pipeline (default: a SocketsHttpHandler); benchmarks put an in-memory handler here.</summary>
    internal Func<HttpMessageHandler>? Transport { get; init; }

    /// <summary>The run's warning channel (<c>Warning: …</c> on stderr); null outside a run.</summary>
    public Action<string>? Warn { get; init; }

    /// <summary>Warns once per distinct message (a script calling an agent in a loop sees it once) and publishes <c>provider.warning</c>.</summary>
    public void WarnOnce(string message)
    {
        if (_warned.TryAdd(message, 0))
        {
            Events.Publish("provider.warning", new System.Text.Json.Nodes.JsonObject { ["message"] = message });
            Warn?.Invoke(message);
        }
    }

    /// <summary>Providers used by agents in this run, with the models used.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Used =>
        _used.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)[.. kv.Value.Keys.Order(StringComparer.Ordinal)], StringComparer.Ordinal);

    /// <summary>Records that an agent uses a provider and model (behaviours.md §1.5: building adds the provider to Provider.list).</summary>
    public void MarkUsed(string provider, string? model)
    {
        var models = _used.GetOrAdd(provider, _ => new(StringComparer.Ordinal));
        if (!string.IsNullOrEmpty(model))
        {
            models.TryAdd(model, 0);
        }
    }

    /// <summary>The resilience pipeline of a provider (created on first use).</summary>
    public ProviderPipeline Pipeline(ProviderSettings settings) => State(settings).Pipeline;

    /// <summary>The price table of a provider (defaults plus its <c>prices</c> overrides).</summary>
    public PriceTable Prices(ProviderSettings settings) => State(settings).Prices;

    /// <summary>
    /// A chat client for <paramref name="model"/> on <paramref name="settings"/> (which may carry an
    /// agent's base URL/key overrides), wrapped in the response cache when enabled.
    /// </summary>
    public IChatClient CreateChatClient(ProviderSettings settings, string model)
    {
        var state = State(settings);
        var client = ChatClientFactory.Create(settings, model, state.Http, () => new MockChatClient(settings, model, state.Pipeline, state.Rotation));
        // Traced below the cache: a cached reply is no model call (the cache records a span event instead).
        client = LlmSpellTelemetry.TraceModelCalls ? ModelCallTracing.Wrap(client) : client;
        return state.Cache is { } cache ? new ResponseCachingChatClient(client, settings.Name, cache, Events) : client;
    }

    /// <summary>An embedding generator (OpenAI-compatible and Ollama providers) through the provider's pipeline.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(ProviderSettings settings, string model) =>
        ChatClientFactory.CreateEmbeddings(settings, model, State(settings).Http);

    public void Dispose()
    {
        foreach (var s in _states.Values)
        {
            s.Http.Dispose();
            s.Pipeline.Dispose();
        }
    }

    private ProviderState State(ProviderSettings settings) =>
        _states.TryGetValue(settings.Name, out var state) ? state : _states.GetOrAdd(settings.Name, static (_, x) => x.Hub.NewState(x.Settings), (Hub: this, Settings: settings));

    private ProviderState NewState(ProviderSettings settings)
    {
        var pipeline = new ProviderPipeline(settings, Time, Events);
        var http = new HttpClient(new ResilienceHandler(settings, pipeline, Transport?.Invoke())) { Timeout = Timeout.InfiniteTimeSpan };
        var cache = settings.CacheEnabled ? new ResponseCache(settings.CacheTtl, settings.CacheMaxEntries, Time) : null;
        return new ProviderState(pipeline, http, cache, new PriceTable(settings.Prices), new MockRotation());
    }

    private sealed record ProviderState(ProviderPipeline Pipeline, HttpClient Http, ResponseCache? Cache, PriceTable Prices, MockRotation Rotation);
}
