using System.Globalization;
using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Security;

/// <summary>
/// The JSON layout of the key store: <c>{ "version": 1, "keys": { service: entry }, "audit": [event] }</c>.
/// An entry holds <c>key</c>, <c>created_at</c> and optionally <c>expires_at</c>, <c>expires_days</c>,
/// <c>last_used_at</c>, <c>rotation_count</c>, <c>rotated_at</c>; timestamps are ISO 8601 UTC.
/// </summary>
internal static class KeyStoreDocument
{
    public const int MaxAuditEvents = 1000;

    public static JsonObject Create() => new() { ["version"] = 1, ["keys"] = new JsonObject(), ["audit"] = new JsonArray() };

    public static JsonObject Keys(JsonObject doc)
    {
        if (doc["keys"] is not JsonObject keys)
        {
            keys = new JsonObject();
            doc["keys"] = keys;
        }

        return keys;
    }

    public static JsonArray AuditList(JsonObject doc)
    {
        if (doc["audit"] is not JsonArray audit)
        {
            audit = new JsonArray();
            doc["audit"] = audit;
        }

        return audit;
    }

    /// <summary>The usable key of <paramref name="service"/>: null when absent, empty or expired.</summary>
    public static string? UsableKey(JsonObject? doc, string service, DateTimeOffset now, string path)
    {
        if (doc?["keys"] is not JsonObject keys || keys[service] is not JsonObject entry)
        {
            return null;
        }

        var key = JsonValues.AsString(entry["key"]);
        return string.IsNullOrEmpty(key) || IsExpired(entry, now, path) ? null : key;
    }

    public static bool IsExpired(JsonObject entry, DateTimeOffset now, string path) =>
        Time(entry, "expires_at", path) is { } expires && now >= expires;

    public static StoredKeyInfo Info(string service, JsonObject entry, DateTimeOffset now, string path) => new(
        service,
        KeyMask.Mask(JsonValues.AsString(entry["key"]) ?? ""),
        Time(entry, "created_at", path) ?? DateTimeOffset.UnixEpoch,
        Time(entry, "expires_at", path),
        Time(entry, "last_used_at", path),
        JsonValues.AsInteger(entry["rotation_count"]) ?? 0,
        Time(entry, "rotated_at", path),
        IsExpired(entry, now, path));

    public static void AddAudit(JsonObject doc, DateTimeOffset at, string action, string service, string? detail = null)
    {
        var audit = AuditList(doc);
        var e = new JsonObject { ["at"] = Format(at), ["action"] = action, ["service"] = service };
        if (detail is not null)
        {
            e["detail"] = detail;
        }

        audit.Add((JsonNode)e);
        while (audit.Count > MaxAuditEvents)
        {
            audit.RemoveAt(0);
        }
    }

    public static KeyAuditEvent AuditEvent(JsonNode? node, string path) => node is JsonObject e
        ? new KeyAuditEvent(Time(e, "at", path) ?? DateTimeOffset.UnixEpoch, JsonValues.AsString(e["action"]) ?? "?", JsonValues.AsString(e["service"]) ?? "?", JsonValues.AsString(e["detail"]))
        : throw Corrupt(path, "an audit event is not an object");

    public static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Time(JsonObject entry, string field, string path)
    {
        if (entry[field] is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(JsonValues.AsString(entry[field]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : throw Corrupt(path, $"'{field}' is not a timestamp");
    }

    public static KeyStoreException Corrupt(string path, string reason) =>
        new($"key store {path} is corrupt: {reason}; fix or remove the file");
}
