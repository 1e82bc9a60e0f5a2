using LlmSpell.State.Memory;
using LlmSpell.State.Storage;
using LlmSpell.Storage.Postgres;
using LlmSpell.Storage.Sqlite;
using LlmSpell.TestUtilities;

namespace LlmSpell.State.Tests.Storage;

public sealed class PostgresConformanceTests : StateStoreConformance
{
    protected override IStorageBackend Open() =>
        new PostgresStorageProvider().Open(new StorageOptions(null, PostgresTestDatabase.FreshSchema(), TimeProvider.System));
}
