using LlmSpell.State.Storage;

namespace LlmSpell.State.Memory;

/// <summary>The <c>memory</c> backend: data lives for the run.</summary>
public sealed class MemoryStorageProvider : IStorageProvider
{
    public string Name => "memory";

    public IStorageBackend Open(StorageOptions options) => new MemoryBackend(options.Time);

    private sealed class MemoryBackend(TimeProvider time) : IStorageBackend
    {
        public string Name => "memory";

        public bool IsPersistent => false;

        public IStateStore State { get; } = new MemoryStateStore(time);

        public IRecordStore Records { get; } = new MemoryRecordStore();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
