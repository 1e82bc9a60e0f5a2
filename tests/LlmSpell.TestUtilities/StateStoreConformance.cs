using System.Text.Json.Nodes;
using LlmSpell.State;
using LlmSpell.State.Storage;
using LlmSpell.Values;

namespace LlmSpell.TestUtilities;

/// <summary>
/// The one conformance suite every storage backend passes (memory, SQLite, PostgreSQL): versioned
/// rows, optimistic writes, history, prefix listing, atomic batches, records and blobs, exact value
/// round-trips and lost-update-free concurrent increments. Derive and implement <see cref="Open"/>.
/// </summary>
public abstract class StateStoreConformance : IAsyncLifetime
{
    private IStorageBackend? _backend;

    /// <summary>Opens a fresh, empty backend.</summary>
    protected abstract IStorageBackend Open();

    protected IStorageBackend Backend => _backend ??= Open();

    protected IStateStore Store => Backend.State;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Put_ThenGet_ReturnsValueWithIncreasingVersions()
    {
        Assert.Equal(1, await Store.PutAsync("global:a", "1", Ct));
        Assert.Equal(2, await Store.PutAsync("global:a", "2", Ct));
        var entry = await Store.GetAsync("global:a", Ct);
        Assert.Equal("2", entry!.Json);
        Assert.Equal(2, entry.Version);
        Assert.Null(await Store.GetAsync("global:missing", Ct));
    }

    [Fact]
    public async Task TryPut_WithStaleOrWrongVersion_Conflicts()
    {
        Assert.Equal(1, await Store.TryPutAsync("k", "\"a\"", 0, Ct));
        Assert.Null(await Store.TryPutAsync("k", "\"b\"", 0, Ct));
        Assert.Equal(2, await Store.TryPutAsync("k", "\"b\"", 1, Ct));
        Assert.Null(await Store.TryPutAsync("k", "\"c\"", 1, Ct));
        Assert.Null(await Store.TryPutAsync("k", null, 1, Ct));
        Assert.Equal(0, await Store.TryPutAsync("k", null, 2, Ct));
        Assert.Null(await Store.GetAsync("k", Ct));
    }

    [Fact]
    public async Task Delete_ReportsWhetherKeyExisted_AndRecreateKeepsVersionsMonotonic()
    {
        await Store.PutAsync("s:k", "1", Ct);
        Assert.True(await Store.DeleteAsync("s:k", Ct));
        Assert.False(await Store.DeleteAsync("s:k", Ct));
        Assert.Equal(2, await Store.PutAsync("s:k", "5", Ct));
    }

    [Fact]
    public async Task ListKeys_ReturnsOnlyPrefixedKeys_SortedOrdinally()
    {
        foreach (var k in new[] { "g:b", "g:a", "g:Z", "g:é", "gx:a", "h:a" })
        {
            await Store.PutAsync(k, "true", Ct);
        }

        Assert.Equal(["g:Z", "g:a", "g:b", "g:é"], await Store.ListKeysAsync("g:", Ct));
    }

    [Fact]
    public async Task History_IsNewestFirst_AndPruned()
    {
        for (var i = 1; i <= StateHistory.Retained + 5; i++)
        {
            await Store.PutAsync("h:k", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
        }

        var history = await Store.HistoryAsync("h:k", 100, Ct);
        Assert.Equal(StateHistory.Retained, history.Count);
        Assert.Equal(StateHistory.Retained + 5, history[0].Version);
        Assert.Equal("25", history[0].Json);
        Assert.Equal(2, (await Store.HistoryAsync("h:k", 2, Ct)).Count);
    }

    [Fact]
    public async Task ApplyBatch_WritesAndDeletesTogether()
    {
        await Store.PutAsync("b:old", "1", Ct);
        await Store.ApplyBatchAsync([new StateWrite("b:old", null), new StateWrite("b:new", "[1,2]"), new StateWrite("b:other", "{}")], Ct);
        var snapshot = await Store.SnapshotAsync(Ct);
        Assert.Equal(["b:new", "b:other"], snapshot.Select(e => e.Key));
    }

    [Fact]
    public async Task Service_RoundTripsValuesExactly()
    {
        var service = new StateService(Store, new StateLimits(10_000_000, 512));
        var value = JsonText.Parse("""{"int":1,"float":2.0,"neg":-0.5,"big":9007199254740993,"obj":{},"arr":[],"nulls":[1,null,3],"nested":{"a":[{"b":"ü😀"}]},"text":"line\nbreak \"q\""}""");
        await service.SaveAsync("global:v", value, Ct);
        var loaded = await service.LoadAsync("global:v", Ct);
        Assert.Equal(JsonText.Compact(value), JsonText.Compact(loaded));
        Assert.Equal(ValueKind.Integer, JsonValues.Classify(loaded!["int"]));
        Assert.Equal(ValueKind.Float, JsonValues.Classify(loaded["float"]));
        Assert.IsType<JsonArray>(loaded["arr"]);
        Assert.IsType<JsonObject>(loaded["obj"]);
    }

    [Fact]
    public async Task Service_ConcurrentIncrements_LoseNoUpdate()
    {
        var service = new StateService(Store, new StateLimits(10_000_000, 512));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await service.IncrementAsync("global:counter", JsonValue.Create(1L), Ct);
            }
        })));
        Assert.Equal(200, JsonValues.AsInteger(await service.LoadAsync("global:counter", Ct)));
    }

    [Fact]
    public async Task Records_PutGetListDelete()
    {
        var r = Backend.Records;
        await r.PutAsync("session", "b", "{\"n\":2}", Ct);
        await r.PutAsync("session", "a", "{\"n\":1}", Ct);
        await r.PutAsync("artifact", "a/1", "{}", Ct);
        Assert.Equal(["{\"n\":1}", "{\"n\":2}"], await r.ListAsync("session", "", Ct));
        Assert.Equal(["{}"], await r.ListAsync("artifact", "a/", Ct));
        Assert.Equal("{\"n\":2}", await r.GetAsync("session", "b", Ct));
        Assert.True(await r.DeleteAsync("session", "b", Ct));
        Assert.Null(await r.GetAsync("session", "b", Ct));
    }

    [Fact]
    public async Task Blobs_AreStoredOncePerHash()
    {
        var r = Backend.Records;
        await r.PutBlobAsync("h1", [0, 1, 2, 255], false, Ct);
        await r.PutBlobAsync("h1", [9], true, Ct);
        var blob = await r.GetBlobAsync("h1", Ct);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, blob!.Value.Data);
        Assert.False(blob.Value.Compressed);
        await r.DeleteBlobAsync("h1", Ct);
        Assert.Null(await r.GetBlobAsync("h1", Ct));
    }
}
