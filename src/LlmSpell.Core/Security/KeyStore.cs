using System.Text.Json.Nodes;
using LlmSpell.Values;
using static LlmSpell.Security.KeyStoreDocument;

namespace LlmSpell.Security;

/// <summary>
/// API keys kept outside config files (cli-and-config.md §2.9): a JSON file, owner-only, with an
/// entry per service and an audit list of add/rotate/remove/use/load-env events that never contains
/// a key. Every change is a locked read-modify-write with an atomic replace of the file.
/// </summary>
/// <remarks>Language-neutral; safe to use from several processes at once.</remarks>
public sealed class KeyStore
{
    /// <summary>The prefix of <c>keys load-env</c>.</summary>
    public const string DefaultEnvironmentPrefix = "LLMSPELL_API_KEY_";

    private readonly TimeProvider _time;

    public KeyStore(string path, TimeProvider time)
    {
        FilePath = path;
        _time = time;
    }

    /// <summary>The store file.</summary>
    public string FilePath { get; }

    /// <summary>
    /// <c>$LLMSPELL_KEYS_FILE</c>, else <c>~/.llmspell/keys.json</c> (home from <c>HOME</c>, else
    /// <c>USERPROFILE</c>); null when the environment names no home.
    /// </summary>
    public static string? DefaultPath(Func<string, string?> environment)
    {
        if (environment("LLMSPELL_KEYS_FILE") is { Length: > 0 } file)
        {
            return file;
        }

        var home = environment("HOME") is { Length: > 0 } h ? h : environment("USERPROFILE");
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".llmspell", "keys.json");
    }

    /// <summary>Longest service name; longer arguments are more likely a key given in the wrong place.</summary>
    public const int MaxServiceLength = 64;

    /// <summary>True for a non-empty name (at most <see cref="MaxServiceLength"/>) of letters, digits, '_', '.' and '-'.</summary>
    public static bool IsValidService(string? service) =>
        !string.IsNullOrEmpty(service) && service.Length <= MaxServiceLength && service.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    /// <summary>How the store writes timestamps: ISO 8601 UTC with milliseconds.</summary>
    public static string FormatTime(DateTimeOffset time) => Format(time);

    /// <summary>Entries sorted by service; keys masked.</summary>
    public IReadOnlyList<StoredKeyInfo> List()
    {
        var doc = KeyStoreFile.Read(FilePath);
        var now = _time.GetUtcNow();
        return doc is null ? [] : [.. Keys(doc).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => Info(kv.Key, Entry(kv.Value), now, FilePath))];
    }

    /// <summary>Stores (replaces) the key of <paramref name="service"/>, optionally expiring after <paramref name="expiresDays"/> days.</summary>
    public StoredKeyInfo Add(string service, string key, int? expiresDays = null)
    {
        Check(service, key);
        if (expiresDays is <= 0)
        {
            throw new KeyStoreException($"the expiry of '{service}' must be a positive number of days");
        }

        return Mutate(doc =>
        {
            var now = _time.GetUtcNow();
            var entry = new JsonObject { ["key"] = key, ["created_at"] = Format(now) };
            if (expiresDays is { } days)
            {
                entry["expires_at"] = Format(now.AddDays(days));
                entry["expires_days"] = days;
            }

            Keys(doc)[service] = entry;
            AddAudit(doc, now, "add", service);
            return Info(service, entry, now, FilePath);
        });
    }

    /// <summary>Replaces an existing key, counting the rotation; a key with a lifetime gets a fresh one.</summary>
    public StoredKeyInfo Rotate(string service, string newKey)
    {
        Check(service, newKey);
        return Mutate(doc =>
        {
            var entry = Keys(doc)[service] as JsonObject ?? throw NotStored(service);
            var now = _time.GetUtcNow();
            entry["key"] = newKey;
            entry["rotation_count"] = (JsonValues.AsInteger(entry["rotation_count"]) ?? 0) + 1;
            entry["rotated_at"] = Format(now);
            if (JsonValues.AsInteger(entry["expires_days"]) is { } days)
            {
                entry["expires_at"] = Format(now.AddDays(days));
            }

            AddAudit(doc, now, "rotate", service);
            return Info(service, entry, now, FilePath);
        });
    }

    /// <summary>Deletes the key of <paramref name="service"/>.</summary>
    public void Remove(string service)
    {
        CheckService(service);
        Mutate(doc =>
        {
            if (!Keys(doc).Remove(service))
            {
                throw NotStored(service);
            }

            AddAudit(doc, _time.GetUtcNow(), "remove", service);
            return 0;
        });
    }

    /// <summary>The most recent audit events, newest first.</summary>
    public IReadOnlyList<KeyAuditEvent> Audit(int limit)
    {
        var doc = KeyStoreFile.Read(FilePath);
        return doc is null ? [] : [.. AuditList(doc).Reverse().Take(Math.Max(0, limit)).Select(e => AuditEvent(e, FilePath))];
    }

    /// <summary>
    /// Imports every variable named <c>&lt;prefix&gt;&lt;SERVICE&gt;</c> with a non-empty value as the key of
    /// the lower-cased service. Returns the imported services, sorted.
    /// </summary>
    public IReadOnlyList<string> ImportEnvironment(IEnumerable<KeyValuePair<string, string?>> variables, string prefix = DefaultEnvironmentPrefix)
    {
        var found = variables
            .Where(v => v.Key.StartsWith(prefix, StringComparison.Ordinal) && v.Key.Length > prefix.Length && !string.IsNullOrEmpty(v.Value))
            .Select(v => (Service: v.Key[prefix.Length..].ToLowerInvariant(), Variable: v.Key, Key: v.Value!))
            .Where(v => IsValidService(v.Service))
            .OrderBy(v => v.Service, StringComparer.Ordinal)
            .ToList();
        if (found.Count == 0)
        {
            return [];
        }

        return Mutate(doc =>
        {
            var now = _time.GetUtcNow();
            foreach (var (service, variable, key) in found)
            {
                Keys(doc)[service] = new JsonObject { ["key"] = key, ["created_at"] = Format(now) };
                AddAudit(doc, now, "load-env", service, variable);
            }

            return (IReadOnlyList<string>)[.. found.Select(f => f.Service)];
        });
    }

    /// <summary>The usable key of <paramref name="service"/> (null when absent, empty or expired). Reads the file; writes nothing.</summary>
    public string? GetKey(string service) => UsableKey(KeyStoreFile.Read(FilePath), service, _time.GetUtcNow(), FilePath);

    /// <summary>Records that an agent used the key of <paramref name="service"/> (last_used_at and a <c>use</c> audit event).</summary>
    public void RecordUse(string service) => Mutate(doc =>
    {
        if (Keys(doc)[service] is JsonObject entry)
        {
            var now = _time.GetUtcNow();
            entry["last_used_at"] = Format(now);
            AddAudit(doc, now, "use", service);
        }

        return 0;
    });

    private T Mutate<T>(Func<JsonObject, T> change)
    {
        using var gate = KeyStoreFile.Lock(FilePath);
        var doc = KeyStoreFile.Read(FilePath) ?? Create();
        var result = change(doc);
        KeyStoreFile.Write(FilePath, doc);
        return result;
    }

    private JsonObject Entry(JsonNode? node) => node as JsonObject ?? throw Corrupt(FilePath, "an entry is not an object");

    private static void Check(string service, string key)
    {
        CheckService(service);
        if (string.IsNullOrEmpty(key))
        {
            throw new KeyStoreException($"the key for '{service}' is empty");
        }
    }

    private static void CheckService(string service)
    {
        if (service.Length > MaxServiceLength)
        {
            // Not echoed: an over-long "service" is usually a key typed in the wrong place.
            throw new KeyStoreException($"invalid service name: longer than {MaxServiceLength} characters");
        }

        if (!IsValidService(service))
        {
            throw new KeyStoreException($"invalid service name '{service}': use letters, digits, '_', '.' and '-'");
        }
    }

    private static KeyStoreException NotStored(string service) => new($"no API key stored for '{service}'");
}
