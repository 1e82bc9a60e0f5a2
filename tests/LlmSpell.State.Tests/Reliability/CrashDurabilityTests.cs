using LlmSpell.State.Storage;
using LlmSpell.Storage.Sqlite;
using LlmSpell.TestUtilities;
using LlmSpell.Values;

namespace LlmSpell.State.Tests.Reliability;

/// <summary>A process killed with SIGKILL mid-burst loses no acknowledged write and leaves a clean database.</summary>
public sealed class CrashDurabilityTests
{
    [Fact]
    public async Task SqliteWrites_AcknowledgedBeforeSigkill_AllSurvive()
    {
        using var dir = new TempDirectory("llmspell-crash");
        var db = dir.File("state.db");
        var config = dir.Write("cfg.toml", $"[runtime.state_persistence]\nenabled = true\nbackend_type = \"sqlite\"\npath = \"{db}\"\n");
        var script = dir.Write("burst.lua", """
            for i = 1, 200000 do
              State.save("burst", "k" .. i, { i = i, text = string.rep("x", 100) })
              io.write("ack " .. i .. "\n")
              io.stdout:flush()
            end
            """);
        using var child = CliProcess.Start(["-c", config, "run", script]);
        var acked = 0;
        var reader = Task.Run(() =>
        {
            while (acked < 300 && child.StandardOutput.ReadLine() is { } line)
            {
                if (line.StartsWith("ack ", StringComparison.Ordinal))
                {
                    acked = int.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }, TestContext.Current.CancellationToken);
        await reader.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        child.Kill(); // SIGKILL on Unix: no shutdown code runs
        Assert.True(acked >= 300, "the child stopped before acknowledging 300 writes: " + await child.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)); // SIGKILL on Unix: no shutdown code runs
        await child.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal("ok", SqliteStorageProvider.IntegrityCheck(db));
        await using var backend = new SqliteStorageProvider().Open(new StorageOptions(db, null, TimeProvider.System));
        for (var i = 1; i <= acked; i++)
        {
            var entry = await backend.State.GetAsync("burst:k" + i, TestContext.Current.CancellationToken);
            Assert.NotNull(entry);
            Assert.Equal(i, JsonValues.AsInteger(JsonText.Parse(entry.Json)!["i"]));
        }
    }
}
