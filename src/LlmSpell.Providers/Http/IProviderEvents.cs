using System.Text.Json.Nodes;

namespace LlmSpell.Providers.Http;

/// <summary>
/// Where the resilience pipeline reports retries, breaker transitions, fallbacks and rate-limit
/// waits. Today a debug log; the event bus plugs in here later (publish as <c>provider.*</c> events).
/// </summary>
public interface IProviderEvents
{
    /// <summary>Reports one occurrence (<c>provider.retry</c>, <c>provider.circuit_opened</c>, ...).</summary>
    void Publish(string name, JsonObject data);
}
