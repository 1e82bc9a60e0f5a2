using System.Text.Json.Nodes;

namespace LlmSpell.Security;

/// <summary>
/// The key store as the last credential source of a run (behaviours.md §1.4). The file is read at
/// most once per run and only when a key is actually looked up, so runs that never need it never
/// open it. Failures never break a run: an unreadable store counts as empty (its reason is kept in
/// <see cref="Problem"/>) and recording a use only logs.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class KeyStoreCredentials
{
    private readonly KeyStore? _store;
    private readonly Action<string>? _log;
    private readonly TimeProvider _time;
    private readonly Lazy<JsonObject?> _doc;
    private readonly HashSet<string> _recorded = new(StringComparer.Ordinal);
    private string? _problem;

    /// <param name="path">The store file, or null for no store.</param>
    /// <param name="time">Clock for expiry and last-used stamps.</param>
    /// <param name="log">Debug log sink (never receives a key).</param>
    public KeyStoreCredentials(string? path, TimeProvider time, Action<string>? log = null)
    {
        _store = path is null ? null : new KeyStore(path, time);
        _log = log;
        _time = time;
        _doc = new Lazy<JsonObject?>(Load);
    }

    /// <summary>The store of the process environment (<see cref="KeyStore.DefaultPath"/>).</summary>
    public static KeyStoreCredentials FromEnvironment(Func<string, string?> environment, TimeProvider time, Action<string>? log = null) =>
        new(KeyStore.DefaultPath(environment), time, log);

    /// <summary>Why the store could not be read (file and cause), or null.</summary>
    public string? Problem => _doc.IsValueCreated ? _problem : null;

    /// <summary>The usable key stored for <paramref name="service"/>, or null.</summary>
    public string? Find(string service)
    {
        if (_store is null || !KeyStore.IsValidService(service))
        {
            return null;
        }

        try
        {
            return KeyStoreDocument.UsableKey(_doc.Value, service, _time.GetUtcNow(), _store.FilePath);
        }
        catch (KeyStoreException ex)
        {
            _problem = ex.Message;
            return null;
        }
    }

    /// <summary>Records (once per run and service) that an agent was built with the stored key.</summary>
    public void RecordUse(string service)
    {
        lock (_recorded)
        {
            if (_store is null || !_recorded.Add(service))
            {
                return;
            }
        }

        try
        {
            _store.RecordUse(service);
        }
        catch (KeyStoreException ex)
        {
            // A read-only home or a locked store must not fail the run; the use just goes unrecorded.
            _log?.Invoke($"key store: could not record use of '{service}': {ex.Message}");
        }
    }

    private JsonObject? Load()
    {
        try
        {
            return KeyStoreFile.Read(_store!.FilePath);
        }
        catch (KeyStoreException ex)
        {
            _problem = ex.Message;
            _log?.Invoke(ex.Message);
            return null;
        }
    }
}
