using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.State.Storage;
using LlmSpell.Values;

namespace LlmSpell.State;

/// <summary>
/// The State rules over any <see cref="IStateStore"/>: the key model, value size limits, exact JSON
/// round-trips and the atomic read-modify-write operations (behaviours.md §6). Atomic operations
/// are optimistic loops on the per-key version, so they stay atomic across processes sharing a
/// SQLite file or a PostgreSQL database without holding locks between statements.
/// </summary>
public sealed class StateService(IStateStore store, StateLimits limits) : IStateAccess
{
    /// <summary>The key holding the schema version; a control character keeps it out of every user key space.</summary>
    public const string SchemaVersionKey = "\u0001llmspell:schema_version";

    private const int MaxAttempts = 10_000;

    public IStateStore Store => store;

    public StateLimits Limits => limits;

    /// <summary>The full key for a scope and key; a key starting with ':' is raw (behaviours.md §6.1).</summary>
    public static string FullKey(string scope, string key) => key.StartsWith(':') ? key[1..] : scope + ":" + key;

    /// <summary>Rejects keys that are empty, too long or contain control characters.</summary>
    public void ValidateKey(string fullKey)
    {
        if (fullKey.Length == 0)
        {
            throw new StateException($"invalid key '{fullKey}': key is empty");
        }

        var bytes = Encoding.UTF8.GetByteCount(fullKey);
        if (bytes > limits.MaxKeyLength)
        {
            throw new StateException($"invalid key '{fullKey}': key is {bytes} bytes, longer than max_key_length ({limits.MaxKeyLength})");
        }

        if (fullKey.Any(char.IsControl))
        {
            throw new StateException($"invalid key '{Printable(fullKey)}': key contains a control character");
        }
    }

    /// <summary>Serialises a value, enforcing <c>max_state_size_bytes</c>.</summary>
    public string Serialize(string fullKey, JsonNode value)
    {
        var json = JsonText.Compact(value);
        var size = Encoding.UTF8.GetByteCount(json);
        return size > limits.MaxValueBytes
            ? throw new StateException($"value for '{fullKey}' is {size} bytes, exceeding runtime.state_persistence.max_state_size_bytes ({limits.MaxValueBytes})")
            : json;
    }

    public static JsonNode? Deserialize(string json) => JsonText.Parse(json);

    public async Task<JsonNode?> LoadAsync(string key, CancellationToken cancellationToken = default)
    {
        var entry = await Guard(() => store.GetAsync(key, cancellationToken));
        return entry is null ? null : Deserialize(entry.Json);
    }

    public async Task SaveAsync(string key, JsonNode? value, CancellationToken cancellationToken = default)
    {
        ValidateKey(key);
        if (value is null)
        {
            await Guard(() => store.DeleteAsync(key, cancellationToken));
            return;
        }

        var json = Serialize(key, value);
        await Guard(() => store.PutAsync(key, json, cancellationToken));
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        Guard(() => store.DeleteAsync(key, cancellationToken));

    public Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) =>
        Guard(() => store.ListKeysAsync(prefix, cancellationToken));

    /// <summary>Deletes every key with the prefix; returns how many were deleted.</summary>
    public async Task<long> ClearAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var keys = await ListKeysAsync(prefix, cancellationToken);
        if (keys.Count > 0)
        {
            await Guard(async () =>
            {
                await store.ApplyBatchAsync([.. keys.Select(k => new StateWrite(k, null))], cancellationToken);
                return true;
            });
        }

        return keys.Count;
    }

    /// <summary>Adds <paramref name="delta"/> (integer or float) atomically; a missing key counts as 0.</summary>
    public Task<JsonNode> IncrementAsync(string key, JsonNode delta, CancellationToken cancellationToken = default) =>
        UpdateAsync(key, current =>
        {
            var kind = JsonValues.Classify(current);
            if (current is not null && kind is not (ValueKind.Integer or ValueKind.Float))
            {
                throw new StateException($"value at '{key}' is a {JsonValues.ScriptTypeName(current)}, not a number");
            }

            JsonNode next = kind != ValueKind.Float && JsonValues.Classify(delta) == ValueKind.Integer
                ? JsonValue.Create((current is null ? 0 : JsonValues.GetInteger((JsonValue)current)) + JsonValues.GetInteger((JsonValue)delta))
                : JsonValue.Create((current is null ? 0 : JsonValues.GetFloat((JsonValue)current)) + JsonValues.GetFloat((JsonValue)delta));
            return (next, next);
        }, cancellationToken);

    /// <summary>Appends to the array at <paramref name="key"/> atomically; returns the new length.</summary>
    public Task<long> AppendAsync(string key, JsonNode? value, CancellationToken cancellationToken = default) =>
        UpdateAsync(key, current =>
        {
            if (current is not null and not JsonArray)
            {
                throw new StateException($"value at '{key}' is a {JsonValues.ScriptTypeName(current)}, not an array");
            }

            var array = (JsonArray?)current ?? [];
            array.Add(value?.DeepClone());
            return ((JsonNode?)array, (long)array.Count);
        }, cancellationToken);

    /// <summary>Swaps when the stored value deep-equals <paramref name="expected"/> (null = absent); <paramref name="next"/> null deletes.</summary>
    public async Task<bool> CompareAndSwapAsync(string key, JsonNode? expected, JsonNode? next, CancellationToken cancellationToken = default)
    {
        ValidateKey(key);
        var json = next is null ? null : Serialize(key, next);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var entry = await Guard(() => store.GetAsync(key, cancellationToken));
            var current = entry is null ? null : Deserialize(entry.Json);
            var matches = expected is null ? entry is null : entry is not null && JsonValues.DeepEquals(current, expected);
            if (!matches)
            {
                return false;
            }

            if (entry is null && json is null)
            {
                return true;
            }

            if (await Guard(() => store.TryPutAsync(key, json, entry?.Version ?? 0, cancellationToken)) is not null)
            {
                return true;
            }
        }

        throw new StateException($"storage error: too much contention on '{key}'");
    }

    /// <summary>The version of a key (0 when absent).</summary>
    public async Task<long> GetVersionAsync(string key, CancellationToken cancellationToken = default) =>
        (await Guard(() => store.GetAsync(key, cancellationToken)))?.Version ?? 0;

    /// <summary>Writes only when the key's version equals <paramref name="expectedVersion"/> (0 = absent); returns the new version or null on conflict.</summary>
    public async Task<long?> SaveIfVersionAsync(string key, JsonNode? value, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ValidateKey(key);
        var json = value is null ? null : Serialize(key, value);
        return await Guard(() => store.TryPutAsync(key, json, expectedVersion, cancellationToken));
    }

    /// <summary>Stored versions of a key, newest first: <c>{ version, value, updated_at }</c>.</summary>
    public async Task<JsonArray> HistoryAsync(string key, int limit, CancellationToken cancellationToken = default)
    {
        var entries = await Guard(() => store.HistoryAsync(key, limit, cancellationToken));
        return [.. entries.Select(e => (JsonNode)new JsonObject
        {
            ["version"] = e.Version,
            ["value"] = Deserialize(e.Json),
            ["updated_at"] = e.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
        })];
    }

    private async Task<TResult> UpdateAsync<TResult>(string key, Func<JsonNode?, (JsonNode? Next, TResult Result)> change, CancellationToken cancellationToken)
    {
        ValidateKey(key);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var entry = await Guard(() => store.GetAsync(key, cancellationToken));
            var (next, result) = change(entry is null ? null : Deserialize(entry.Json));
            var json = next is null ? null : Serialize(key, next);
            if (await Guard(() => store.TryPutAsync(key, json, entry?.Version ?? 0, cancellationToken)) is not null)
            {
                return result;
            }
        }

        throw new StateException($"storage error: too much contention on '{key}'");
    }

    private static string Printable(string s) => new([.. s.Select(c => char.IsControl(c) ? '?' : c)]);

    /// <summary>Turns backend failures into <c>storage error: &lt;reason&gt;</c>.</summary>
    internal static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StorageException ex)
        {
            throw new StateException("storage error: " + ex.Message, ex);
        }
    }
}
