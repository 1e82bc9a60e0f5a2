using LlmSpell.State;
using LlmSpell.State.Memory;
using LlmSpell.State.Storage;
using LlmSpell.Storage.Postgres;
using LlmSpell.Storage.Sqlite;

namespace LlmSpell.Cli.Hosting;

/// <summary>The storage backends compiled into the CLI (the run's State module and the backup/session commands share them).</summary>
internal static class StorageCatalog
{
    public static IReadOnlyList<IStorageProvider> Providers { get; } =
        [new MemoryStorageProvider(), new SqliteStorageProvider(), new PostgresStorageProvider()];

    /// <summary>The State/Session services for a command run outside a script.</summary>
    public static StateRuntime OpenRuntime(Configuration.LlmSpellConfig config) =>
        new(config, new StorageRegistry(Providers), TimeProvider.System);
}
