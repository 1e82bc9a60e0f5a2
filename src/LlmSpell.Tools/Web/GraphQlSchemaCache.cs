using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Web;

/// <summary>Introspection results per endpoint for one run (graphql_query caches them for 1 hour).</summary>
internal sealed class GraphQlSchemaCache
{
    public ConcurrentDictionary<string, (JsonNode? Schema, DateTimeOffset At)> Entries { get; } = new(StringComparer.Ordinal);
}
