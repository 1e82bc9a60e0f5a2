using System.Text.Json.Nodes;

namespace LlmSpell.State;

/// <summary>
/// The run's State store as other features use it (agents save their history under
/// <c>agent:&lt;name&gt;:state</c>, workflows write step records). Keys are full raw keys
/// (<c>"scope:key"</c>). The State feature registers the implementation for the configured backend.
/// </summary>
public interface IStateAccess
{
    /// <summary>The value stored under <paramref name="key"/> (a fresh copy), or null.</summary>
    Task<JsonNode?> LoadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores a copy of <paramref name="value"/>; null deletes. Durable when the call returns.</summary>
    Task SaveAsync(string key, JsonNode? value, CancellationToken cancellationToken = default);

    /// <summary>Deletes a key; true when it existed.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Keys starting with <paramref name="prefix"/>, sorted ordinally.</summary>
    Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken = default);
}
