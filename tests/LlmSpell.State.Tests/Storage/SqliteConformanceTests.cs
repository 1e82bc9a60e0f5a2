using LlmSpell.State.Memory;
using LlmSpell.State.Storage;
using LlmSpell.Storage.Postgres;
using LlmSpell.Storage.Sqlite;
using LlmSpell.TestUtilities;

namespace LlmSpell.State.Tests.Storage;

public sealed class SqliteConformanceTests : StateStoreConformance, IDisposable
{
    private readonly TempDirectory _dir = new("llmspell-sqlite");

    protected override IStorageBackend Open() => new SqliteStorageProvider().Open(new StorageOptions(_dir.File("db/state.db"), null, TimeProvider.System));

    public void Dispose() => _dir.Dispose();
}
