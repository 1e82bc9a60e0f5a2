using System.Text.Json.Nodes;
using LlmSpell.State.Storage;
using LlmSpell.Values;

namespace LlmSpell.State.Sessions;

/// <summary>
/// Sessions (behaviours.md §7): status transitions, idle timeouts, the current session and the
/// hook log. Every change is written to the record store immediately, so with SQLite or PostgreSQL
/// sessions survive restarts. Internal fields (<c>next_sequence</c>, <c>hook_log</c>) never reach scripts.
/// </summary>
public sealed class SessionManager(IRecordStore records, SessionOptions options, TimeProvider time)
{
    public const string Collection = "session";

    private static readonly string[] Internal = ["next_sequence", "hook_log", "created_order"];

    private readonly object _orderGate = new();
    private long _lastCreatedOrder;

    public IRecordStore Records => records;

    public SessionOptions Options => options;

    /// <summary>The run's current session id, or null.</summary>
    public string? Current { get; set; }

    public string Now() => Backups.BackupManager.Stamp(time.GetUtcNow());

    private long NextCreatedOrder()
    {
        var ticks = time.GetUtcNow().UtcTicks;
        lock (_orderGate)
        {
            _lastCreatedOrder = Math.Max(ticks, _lastCreatedOrder + 1);
            return _lastCreatedOrder;
        }
    }

    public async Task<string> CreateAsync(JsonObject opts, CancellationToken ct)
    {
        if (await records.CountAsync(Collection, ct) >= options.MaxSessions)
        {
            throw new SessionException($"maximum of {options.MaxSessions} sessions reached");
        }

        if (JsonValues.AsString(opts["parent_session_id"]) is { } parent)
        {
            await GetRecordAsync(parent, ct);
        }

        var id = Guid.NewGuid().ToString();
        var now = Now();
        var record = new JsonObject
        {
            ["id"] = id,
            ["name"] = JsonValues.AsString(opts["name"]) ?? "",
            ["description"] = JsonValues.AsString(opts["description"]) ?? "",
            ["tags"] = opts["tags"] is JsonArray tags ? tags.DeepClone() : new JsonArray(),
            ["status"] = "active",
            ["created_at"] = now,
            ["updated_at"] = now,
            ["parent_session_id"] = JsonValues.AsString(opts["parent_session_id"]),
            ["metadata"] = opts["metadata"] is JsonObject meta ? meta.DeepClone() : new JsonObject(),
            ["artifact_count"] = 0,
            ["next_sequence"] = 1,
            ["hook_log"] = new JsonArray(),
            ["created_order"] = NextCreatedOrder(),
        };
        await SaveAsync(record, ct);
        return id;
    }

    /// <summary>The stored record (with internal fields); raises for malformed or unknown ids. Applies the idle timeout.</summary>
    public async Task<JsonObject> GetRecordAsync(string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out _))
        {
            throw new SessionException($"invalid session id '{id}'");
        }

        var json = await records.GetAsync(Collection, id.ToLowerInvariant(), ct) ?? throw new SessionException($"session '{id}' not found");
        var record = (JsonObject)JsonText.Parse(json)!;
        await ApplyTimeoutAsync(record, ct);
        return record;
    }

    public async Task<JsonObject> GetAsync(string id, CancellationToken ct) => View(await GetRecordAsync(id, ct));

    public async Task<List<JsonObject>> AllAsync(CancellationToken ct)
    {
        var list = new List<JsonObject>();
        foreach (var json in await records.ListAsync(Collection, "", ct))
        {
            var record = (JsonObject)JsonText.Parse(json)!;
            await ApplyTimeoutAsync(record, ct);
            list.Add(record);
        }

        // created_at has millisecond precision; created_order (clock ticks, strictly increasing in a
        // run) keeps "newest first" exact for sessions created within the same millisecond.
        return [.. list.OrderByDescending(r => JsonValues.AsString(r["created_at"]), StringComparer.Ordinal)
            .ThenByDescending(r => JsonValues.AsInteger(r["created_order"]) ?? 0)
            .ThenBy(r => JsonValues.AsString(r["id"]), StringComparer.Ordinal)];
    }

    /// <summary>Sessions matching a query, newest first.</summary>
    public async Task<JsonArray> ListAsync(JsonObject query, CancellationToken ct)
    {
        var status = JsonValues.AsString(query["status"]);
        var tags = (query["tags"] as JsonArray)?.Select(JsonValues.AsString).ToList() ?? [];
        var pattern = JsonValues.AsString(query["name_pattern"]);
        var after = JsonValues.AsString(query["created_after"]);
        var before = JsonValues.AsString(query["created_before"]);
        var limit = JsonValues.AsInteger(query["limit"]) ?? 100;
        var result = (await AllAsync(ct)).Where(r =>
            (status is null || JsonValues.AsString(r["status"]) == status) &&
            tags.All(t => (r["tags"] as JsonArray ?? []).Any(x => JsonValues.AsString(x) == t)) &&
            (pattern is null || (JsonValues.AsString(r["name"]) ?? "").Contains(pattern, StringComparison.Ordinal)) &&
            (after is null || string.CompareOrdinal(JsonValues.AsString(r["created_at"]), after) > 0) &&
            (before is null || string.CompareOrdinal(JsonValues.AsString(r["created_at"]), before) < 0))
            .Take((int)Math.Max(0, limit));
        return [.. result.Select(r => (JsonNode)View(r))];
    }

    public async Task UpdateAsync(string id, JsonObject fields, CancellationToken ct)
    {
        var record = await GetRecordAsync(id, ct);
        if (JsonValues.AsString(fields["status"]) is { } status)
        {
            var from = JsonValues.AsString(record["status"]);
            if (status != "archived" || from != "completed")
            {
                throw new SessionException(status == from ? $"session '{id}' is {from}" : $"cannot change status of session '{id}' from {from} to {status}");
            }

            record["status"] = status;
        }

        foreach (var name in new[] { "name", "description" })
        {
            if (JsonValues.AsString(fields[name]) is { } text)
            {
                record[name] = text;
            }
        }

        if (fields["tags"] is JsonArray tags)
        {
            record["tags"] = tags.DeepClone();
        }

        if (fields["metadata"] is JsonObject meta)
        {
            record["metadata"] = meta.DeepClone();
        }

        await TouchAsync(record, ct);
    }

    /// <summary>Status transitions: suspend (active→suspended), resume (suspended→active), complete (active/suspended→completed).</summary>
    public async Task TransitionAsync(string id, string op, CancellationToken ct)
    {
        var record = await GetRecordAsync(id, ct);
        var status = JsonValues.AsString(record["status"]);
        var next = (op, status) switch
        {
            ("suspend", "active") => "suspended",
            ("resume", "suspended") => "active",
            ("complete", "active" or "suspended") => "completed",
            ("fail", "active" or "suspended") => "failed",
            _ => throw new SessionException($"session '{id}' is {status}"),
        };
        record["status"] = next;
        await TouchAsync(record, ct);
    }

    /// <summary>Deletes the session and its artifacts (blobs no longer referenced go too).</summary>
    public async Task DeleteAsync(string id, ArtifactManager artifacts, CancellationToken ct)
    {
        var record = await GetRecordAsync(id, ct);
        var sid = JsonValues.AsString(record["id"])!;
        await artifacts.DeleteAllAsync(sid, ct);
        await records.DeleteAsync(Collection, sid, ct);
        if (Current == sid)
        {
            Current = null;
        }
    }

    /// <summary>Completed, failed and archived sessions are read-only.</summary>
    public static void EnsureWritable(JsonObject record)
    {
        var status = JsonValues.AsString(record["status"]);
        if (status is "completed" or "failed" or "archived")
        {
            throw new SessionException($"session '{JsonValues.AsString(record["id"])}' is {status}");
        }
    }

    public Task TouchAsync(JsonObject record, CancellationToken ct)
    {
        record["updated_at"] = Now();
        return SaveAsync(record, ct);
    }

    public Task SaveAsync(JsonObject record, CancellationToken ct) =>
        records.PutAsync(Collection, JsonValues.AsString(record["id"])!, JsonText.Compact(record), ct);

    /// <summary>The hook log of a session (empty until the hook system records into it).</summary>
    public static JsonArray HookLog(JsonObject record) => record["hook_log"] as JsonArray ?? [];

    /// <summary>The script view: internal fields removed, absent optionals dropped.</summary>
    public static JsonObject View(JsonObject record)
    {
        var view = (JsonObject)record.DeepClone();
        foreach (var name in Internal)
        {
            view.Remove(name);
        }

        if (view["parent_session_id"] is null)
        {
            view.Remove("parent_session_id");
        }

        return view;
    }

    private async Task ApplyTimeoutAsync(JsonObject record, CancellationToken ct)
    {
        if (options.TimeoutSeconds <= 0 || JsonValues.AsString(record["status"]) != "active" ||
            !DateTimeOffset.TryParse(JsonValues.AsString(record["updated_at"]), System.Globalization.CultureInfo.InvariantCulture, out var updated))
        {
            return;
        }

        if ((time.GetUtcNow() - updated).TotalSeconds > options.TimeoutSeconds)
        {
            record["status"] = "suspended";
            await TouchAsync(record, ct);
        }
    }
}
