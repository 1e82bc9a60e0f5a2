using LlmSpell.State.Memory;
using LlmSpell.State.Storage;
using LlmSpell.Storage.Postgres;
using LlmSpell.Storage.Sqlite;
using LlmSpell.TestUtilities;

namespace LlmSpell.State.Tests.Storage;

public sealed class MemoryConformanceTests : StateStoreConformance
{
    protected override IStorageBackend Open() => new MemoryStorageProvider().Open(new StorageOptions(null, null, TimeProvider.System));
}
