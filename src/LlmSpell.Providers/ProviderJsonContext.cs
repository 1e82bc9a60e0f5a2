using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LlmSpell.Providers;

/// <summary>
/// Source-generated JSON metadata for the values the provider layer serializes itself (Native AOT:
/// no reflection). Default options, so output matches <see cref="JsonSerializer"/>'s defaults.
/// </summary>
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonElement[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
internal sealed partial class ProviderJsonContext : JsonSerializerContext;
