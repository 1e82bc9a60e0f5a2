using LlmSpell.State.Storage;
using LlmSpell.Storage.Postgres;
using LlmSpell.Storage.Sqlite;
using LlmSpell.TestUtilities;
using LlmSpell.Values;

namespace LlmSpell.State.Tests.Reliability;

/// <summary>Two llmspell processes incrementing one key concurrently lose no update.</summary>
public sealed class MultiProcessIncrementTests
{
    private const int PerProcess = 300;

    [Fact]
    public async Task Sqlite_TwoProcessesIncrementing_LoseNoUpdate()
    {
        using var dir = new TempDirectory("llmspell-mp");
        var db = dir.File("state.db");
        var total = await RunTwo(dir, $"backend_type = \"sqlite\"\npath = \"{db}\"");
        await using var backend = new SqliteStorageProvider().Open(new StorageOptions(db, null, TimeProvider.System));
        Assert.Equal(2 * PerProcess, await Counter(backend));
        Assert.Equal(2 * PerProcess, total);
    }

    [Fact]
    public async Task Postgres_TwoProcessesIncrementing_LoseNoUpdate()
    {
        var cs = PostgresTestDatabase.FreshSchema();
        using var dir = new TempDirectory("llmspell-mp");
        // Create the schema once up front so the two children race on rows, not on DDL.
        await (new PostgresStorageProvider().Open(new StorageOptions(null, cs, TimeProvider.System))).DisposeAsync();
        await RunTwo(dir, $"backend_type = \"postgres\"\nconnection_string = \"{cs}\"");
        await using var backend = new PostgresStorageProvider().Open(new StorageOptions(null, cs, TimeProvider.System));
        Assert.Equal(2 * PerProcess, await Counter(backend));
    }

    private static async Task<long> Counter(IStorageBackend backend) =>
        JsonValues.AsInteger(JsonText.Parse((await backend.State.GetAsync("global:counter", TestContext.Current.CancellationToken))!.Json)) ?? -1;

    private static async Task<int> RunTwo(TempDirectory dir, string backendToml)
    {
        var config = dir.Write("cfg.toml", $"[runtime.state_persistence]\nenabled = true\n{backendToml}\n");
        var script = dir.Write("inc.lua", $"for i = 1, {PerProcess} do State.increment(\"global\", \"counter\") end print(\"done\")");
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => CliProcess.Run("-c", config, "run", script))));
        foreach (var r in runs)
        {
            Assert.True(r.ExitCode == 0, r.ToString());
        }

        return runs.Length * PerProcess;
    }
}
