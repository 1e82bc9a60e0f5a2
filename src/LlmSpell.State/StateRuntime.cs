using LlmSpell.Configuration;
using LlmSpell.State.Backups;
using LlmSpell.State.Memory;
using LlmSpell.State.Migrations;
using LlmSpell.State.Sessions;
using LlmSpell.State.Storage;

namespace LlmSpell.State;

/// <summary>
/// The State, Session and Artifact services of one run, opened on first use from configuration:
/// the state backend from <c>runtime.state_persistence</c>, the session backend from
/// <c>runtime.sessions.storage_backend</c> (the same open backend when both name the same store).
/// </summary>
public sealed class StateRuntime(LlmSpellConfig config, StorageRegistry registry, TimeProvider time) : IAsyncDisposable
{
    private readonly object _gate = new();
    private IStorageBackend? _stateBackend;
    private IStorageBackend? _sessionBackend;
    private StateService? _state;
    private MigrationManager? _migrations;
    private SessionManager? _sessions;
    private ArtifactManager? _artifacts;

    public LlmSpellConfig Config => config;

    /// <summary>The configured state backend name ("memory" when persistence is disabled).</summary>
    public string StateBackendName => StateBackendOf(config);

    public static string StateBackendOf(LlmSpellConfig config) =>
        config.GetBool("runtime.state_persistence.enabled", true) ? config.GetString("runtime.state_persistence.backend_type") ?? "memory" : "memory";

    /// <summary>The state service; opening the store can fail with <see cref="StateException"/> ("storage error: ...").</summary>
    public StateService State
    {
        get
        {
            lock (_gate)
            {
                if (_state is null)
                {
                    _stateBackend = OpenOrThrow(StateBackendName, config.GetString("runtime.state_persistence.path"), config.GetString("runtime.state_persistence.connection_string"));
                    _state = new StateService(TracedStateStore.Wrap(_stateBackend.State, StateBackendName), StateLimits.From(config));
                }

                return _state;
            }
        }
    }

    public bool IsPersistent => State is not null && _stateBackend!.IsPersistent;

    public bool BackupsEnabled => config.GetBool("runtime.state_persistence.backup_enabled");

    public bool MigrationsEnabled => config.GetBool("runtime.state_persistence.migration_enabled");

    /// <summary>Backups of this run's store (the caller checks <see cref="BackupsEnabled"/>).</summary>
    public BackupManager Backups => new(State, BackupOptions.From(config), time);

    public MigrationManager Migrations
    {
        get
        {
            var state = State;
            lock (_gate)
            {
                return _migrations ??= new MigrationManager(
                    state,
                    () => BackupsEnabled && config.GetBool("runtime.state_persistence.backup_on_migration", true) ? Backups : null,
                    time);
            }
        }
    }

    public SessionManager Sessions
    {
        get
        {
            lock (_gate)
            {
                if (_sessions is null)
                {
                    var name = config.GetString("runtime.sessions.storage_backend") ?? "memory";
                    var path = config.GetString("runtime.sessions.storage_path");
                    var cs = config.GetString("runtime.sessions.connection_string");
                    var sameAsState = name == StateBackendName && path == config.GetString("runtime.state_persistence.path") &&
                        cs == config.GetString("runtime.state_persistence.connection_string") && name != "memory";
                    if (sameAsState)
                    {
                        _ = State; // the monitor is re-entrant
                        _sessionBackend = _stateBackend;
                    }
                    else
                    {
                        _sessionBackend = OpenOrThrow(name, path, cs);
                    }

                    _sessions = new SessionManager(_sessionBackend!.Records, SessionOptions.From(config), time);
                }

                return _sessions;
            }
        }
    }

    public ArtifactManager Artifacts
    {
        get
        {
            var sessions = Sessions;
            lock (_gate)
            {
                return _artifacts ??= new ArtifactManager(sessions);
            }
        }
    }

    /// <summary>The current session id, without opening the session store.</summary>
    public string? CurrentSession
    {
        get
        {
            lock (_gate)
            {
                return _sessions?.Current;
            }
        }
    }

    /// <summary>True once the state store has been opened (shutdown only closes what was opened).</summary>
    public bool IsOpen => _stateBackend is not null || _sessionBackend is not null;

    public async ValueTask DisposeAsync()
    {
        IStorageBackend? a, b;
        lock (_gate)
        {
            (a, b) = (_stateBackend, _sessionBackend);
            _stateBackend = _sessionBackend = null;
        }

        if (a is not null)
        {
            await a.DisposeAsync();
        }

        if (b is not null && !ReferenceEquals(a, b))
        {
            await b.DisposeAsync();
        }
    }

    private IStorageBackend OpenOrThrow(string name, string? path, string? connectionString)
    {
        try
        {
            return registry.Open(name, new StorageOptions(path, connectionString, time));
        }
        catch (StorageException ex)
        {
            throw new StateException("storage error: " + ex.Message, ex);
        }
    }

    /// <summary>The memory-only registry (tests and runs without storage projects).</summary>
    public static StorageRegistry MemoryOnly() => new([new MemoryStorageProvider()]);
}
