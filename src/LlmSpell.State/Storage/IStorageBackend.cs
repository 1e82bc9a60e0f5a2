namespace LlmSpell.State.Storage;

/// <summary>An opened backend: its state table and its record store, closed at shutdown.</summary>
public interface IStorageBackend : IAsyncDisposable
{
    /// <summary>Backend name ("memory", "sqlite", "postgres").</summary>
    string Name { get; }

    /// <summary>True when data outlives the process.</summary>
    bool IsPersistent { get; }

    IStateStore State { get; }

    IRecordStore Records { get; }
}
