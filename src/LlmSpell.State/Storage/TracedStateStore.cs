using System.Diagnostics;
using LlmSpell.Telemetry;

namespace LlmSpell.State.Storage;

/// <summary>
/// A <c>state.&lt;operation&gt;</c> span and the <c>llmspell.state.duration</c> histogram around every call
/// of a store that does I/O (SQLite, PostgreSQL). Used only when telemetry listens, so the
/// untraced path keeps the store unwrapped.
/// </summary>
internal sealed class TracedStateStore(IStateStore inner, string backend) : IStateStore
{
    public static IStateStore Wrap(IStateStore store, string backend) =>
        backend != "memory" && (LlmSpellTelemetry.Source.HasListeners() || LlmSpellTelemetry.StateDuration.Enabled) ? new TracedStateStore(store, backend) : store;

    public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken) => Trace("get", () => inner.GetAsync(key, cancellationToken));

    public Task<long> PutAsync(string key, string json, CancellationToken cancellationToken) => Trace("put", () => inner.PutAsync(key, json, cancellationToken));

    public Task<long?> TryPutAsync(string key, string? json, long expectedVersion, CancellationToken cancellationToken) =>
        Trace("try_put", () => inner.TryPutAsync(key, json, expectedVersion, cancellationToken));

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => Trace("delete", () => inner.DeleteAsync(key, cancellationToken));

    public Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken) => Trace("list_keys", () => inner.ListKeysAsync(prefix, cancellationToken));

    public Task<IReadOnlyList<StateEntry>> HistoryAsync(string key, int limit, CancellationToken cancellationToken) => Trace("history", () => inner.HistoryAsync(key, limit, cancellationToken));

    public Task<IReadOnlyList<StateEntry>> SnapshotAsync(CancellationToken cancellationToken) => Trace("snapshot", () => inner.SnapshotAsync(cancellationToken));

    public Task ApplyBatchAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken) =>
        Trace("apply_batch", async () =>
        {
            await inner.ApplyBatchAsync(writes, cancellationToken).ConfigureAwait(false);
            return true;
        });

    private async Task<T> Trace<T>(string operation, Func<Task<T>> call)
    {
        using var span = Spans.State(operation, backend);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Spans.Fail(span, ex.Message);
            throw;
        }
        finally
        {
            LlmSpellTelemetry.StateDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("llmspell.state.operation", operation),
                new KeyValuePair<string, object?>("db.system.name", backend));
        }
    }
}
