using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.State.Sessions;

/// <summary>
/// Immutable, content-addressed artifacts (behaviours.md §7.3): one blob per SHA-256 of the original
/// content (gzip above the threshold), one metadata record per store with a per-session sequence.
/// All checks run before the first write.
/// </summary>
public sealed class ArtifactManager(SessionManager sessions)
{
    public const string Collection = "artifact";

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Stores content; returns <c>{ content_hash, session_id, sequence }</c>.</summary>
    public async Task<JsonObject> StoreAsync(string sessionId, string type, string name, byte[] content, JsonObject? metadata, CancellationToken ct)
    {
        var record = await sessions.GetRecordAsync(sessionId, ct);
        var sid = JsonValues.AsString(record["id"])!;
        SessionManager.EnsureWritable(record);
        var options = sessions.Options;
        var count = JsonValues.AsInteger(record["artifact_count"]) ?? 0;
        if (count >= options.MaxArtifactsPerSession)
        {
            throw new SessionException($"session '{sid}' has reached max_artifacts_per_session ({options.MaxArtifactsPerSession})");
        }

        if (content.LongLength > options.MaxArtifactBytes)
        {
            throw new SessionException($"content is {content.LongLength} bytes, exceeding runtime.sessions.max_artifact_size_bytes ({options.MaxArtifactBytes})");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var compress = options.CompressionThreshold > 0 && content.LongLength > options.CompressionThreshold;
        var sequence = JsonValues.AsInteger(record["next_sequence"]) ?? 1;
        var meta = BuildMetadata(sid, type, name, content, metadata, hash, sequence, compress);

        await sessions.Records.PutBlobAsync(hash, compress ? Gzip(content) : content, compress, ct);
        await sessions.Records.PutAsync(Collection, RecordId(sid, sequence), JsonText.Compact(meta), ct);
        record["next_sequence"] = sequence + 1;
        record["artifact_count"] = count + 1;
        await sessions.TouchAsync(record, ct);
        return new JsonObject { ["content_hash"] = hash, ["session_id"] = sid, ["sequence"] = sequence };
    }

    /// <summary><c>{ content, metadata }</c> for an id table or a content hash, or null.</summary>
    public async Task<(byte[] Content, JsonObject Metadata)?> GetAsync(string sessionId, JsonNode? id, CancellationToken ct)
    {
        var meta = await FindAsync(sessionId, id, ct);
        if (meta is null)
        {
            return null;
        }

        var blob = await sessions.Records.GetBlobAsync(JsonValues.AsString(meta["content_hash"])!, ct);
        if (blob is null)
        {
            return null;
        }

        return (blob.Value.Compressed ? Gunzip(blob.Value.Data) : blob.Value.Data, meta);
    }

    public async Task<JsonArray> ListAsync(string sessionId, CancellationToken ct)
    {
        var record = await sessions.GetRecordAsync(sessionId, ct);
        return [.. (await RecordsAsync(JsonValues.AsString(record["id"])!, ct)).Select(m => (JsonNode)m)];
    }

    public async Task<bool> DeleteAsync(string sessionId, JsonNode? id, CancellationToken ct)
    {
        var meta = await FindAsync(sessionId, id, ct);
        if (meta is null)
        {
            return false;
        }

        var sid = JsonValues.AsString(meta["session_id"])!;
        await sessions.Records.DeleteAsync(Collection, RecordId(sid, JsonValues.AsInteger(meta["sequence"])!.Value), ct);
        await DropBlobIfUnusedAsync(JsonValues.AsString(meta["content_hash"])!, ct);
        var record = await sessions.GetRecordAsync(sid, ct);
        record["artifact_count"] = Math.Max(0, (JsonValues.AsInteger(record["artifact_count"]) ?? 1) - 1);
        await sessions.TouchAsync(record, ct);
        return true;
    }

    /// <summary>Artifacts across sessions matching a query, by session then sequence.</summary>
    public async Task<JsonArray> QueryAsync(JsonObject q, CancellationToken ct)
    {
        var sid = JsonValues.AsString(q["session_id"]);
        var all = sid is null ? await RecordsAsync("", ct) : await RecordsAsync((await sessions.GetRecordAsync(sid, ct))["id"]!.GetValue<string>(), ct);
        var type = JsonValues.AsString(q["type"]);
        var pattern = JsonValues.AsString(q["name_pattern"]);
        var tags = (q["tags"] as JsonArray)?.Select(JsonValues.AsString).ToList() ?? [];
        var after = JsonValues.AsString(q["created_after"]);
        var before = JsonValues.AsString(q["created_before"]);
        var min = JsonValues.AsInteger(q["min_size"]);
        var max = JsonValues.AsInteger(q["max_size"]);
        var limit = (int)Math.Max(0, JsonValues.AsInteger(q["limit"]) ?? 100);
        return [.. all.Where(m =>
            (type is null || JsonValues.AsString(m["artifact_type"]) == type) &&
            (pattern is null || NameMatches(JsonValues.AsString(m["name"]) ?? "", pattern)) &&
            tags.All(t => (m["tags"] as JsonArray ?? []).Any(x => JsonValues.AsString(x) == t)) &&
            (after is null || string.CompareOrdinal(JsonValues.AsString(m["created_at"]), after) > 0) &&
            (before is null || string.CompareOrdinal(JsonValues.AsString(m["created_at"]), before) < 0) &&
            (min is null || JsonValues.AsInteger(m["size"]) >= min) &&
            (max is null || JsonValues.AsInteger(m["size"]) <= max)).Take(limit).Select(m => (JsonNode)m)];
    }

    /// <summary>Removes every artifact of a session (used by session delete).</summary>
    public async Task DeleteAllAsync(string sid, CancellationToken ct)
    {
        var metas = await RecordsAsync(sid + "/", ct);
        foreach (var m in metas)
        {
            await sessions.Records.DeleteAsync(Collection, RecordId(sid, JsonValues.AsInteger(m["sequence"])!.Value), ct);
        }

        foreach (var hash in metas.Select(m => JsonValues.AsString(m["content_hash"])!).Distinct())
        {
            await DropBlobIfUnusedAsync(hash, ct);
        }
    }

    private async Task<JsonObject?> FindAsync(string sessionId, JsonNode? id, CancellationToken ct)
    {
        var record = await sessions.GetRecordAsync(sessionId, ct);
        var sid = JsonValues.AsString(record["id"])!;
        if (id is JsonObject table && JsonValues.AsInteger(table["sequence"]) is { } seq)
        {
            var json = await sessions.Records.GetAsync(Collection, RecordId(sid, seq), ct);
            var meta = json is null ? null : (JsonObject)JsonText.Parse(json)!;
            var hash = JsonValues.AsString(table["content_hash"]);
            return meta is not null && (hash is null || JsonValues.AsString(meta["content_hash"]) == hash) ? meta : null;
        }

        var wanted = id is JsonObject t ? JsonValues.AsString(t["content_hash"]) : JsonValues.AsString(id);
        return (await RecordsAsync(sid + "/", ct)).FirstOrDefault(m => JsonValues.AsString(m["content_hash"]) == wanted);
    }

    private async Task<List<JsonObject>> RecordsAsync(string prefix, CancellationToken ct) =>
        [.. (await sessions.Records.ListAsync(Collection, prefix.Length == 0 || prefix.EndsWith('/') ? prefix : prefix + "/", ct)).Select(j => (JsonObject)JsonText.Parse(j)!)];

    private async Task DropBlobIfUnusedAsync(string hash, CancellationToken ct)
    {
        var all = await RecordsAsync("", ct);
        if (!all.Any(m => JsonValues.AsString(m["content_hash"]) == hash))
        {
            await sessions.Records.DeleteBlobAsync(hash, ct);
        }
    }

    private JsonObject BuildMetadata(string sid, string type, string name, byte[] content, JsonObject? metadata, string hash, long sequence, bool compressed)
    {
        var custom = new JsonObject();
        string? mime = null;
        string? description = null;
        JsonArray tags = [];
        foreach (var (key, value) in metadata ?? [])
        {
            switch (key)
            {
                case "mime_type" when JsonValues.AsString(value) is { } m:
                    mime = m;
                    break;
                case "description" when JsonValues.AsString(value) is { } d:
                    description = d;
                    break;
                case "tags" when value is JsonArray a:
                    tags = (JsonArray)a.DeepClone();
                    break;
                case "created_by":
                    break;
                default:
                    custom[key] = value?.DeepClone();
                    break;
            }
        }

        var meta = new JsonObject
        {
            ["name"] = name,
            ["artifact_type"] = type,
            ["mime_type"] = mime ?? (IsUtf8(content) ? "text/plain" : "application/octet-stream"),
            ["size"] = content.LongLength,
            ["tags"] = tags,
            ["custom"] = custom,
            ["version"] = 1,
            ["created_at"] = sessions.Now(),
            ["content_hash"] = hash,
            ["sequence"] = sequence,
            ["session_id"] = sid,
            ["is_compressed"] = compressed,
        };
        if (description is not null)
        {
            meta["description"] = description;
        }

        if (JsonValues.AsString(metadata?["created_by"]) is { } by)
        {
            meta["created_by"] = by;
        }

        if (compressed)
        {
            meta["original_size"] = content.LongLength;
        }

        return meta;
    }

    private static string RecordId(string sid, long sequence) => sid + "/" + sequence.ToString("D10", CultureInfo.InvariantCulture);

    private static bool NameMatches(string name, string pattern) =>
        pattern.Contains('*', StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.IsMatch(name, "^" + string.Join(".*", pattern.Split('*').Select(System.Text.RegularExpressions.Regex.Escape)) + "$")
            : name.Contains(pattern, StringComparison.Ordinal);

    private static bool IsUtf8(byte[] data)
    {
        try
        {
            StrictUtf8.GetCharCount(data);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var z = new GZipStream(ms, CompressionLevel.Fastest))
        {
            z.Write(data);
        }

        return ms.ToArray();
    }

    private static byte[] Gunzip(byte[] data)
    {
        using var z = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        z.CopyTo(ms);
        return ms.ToArray();
    }
}
