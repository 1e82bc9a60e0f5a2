using System.Diagnostics;
using System.Text.Json.Nodes;
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
            for i = 1, 1000000 do
              State.save("burst", "k" .. i, { i = i, text = string.rep("x", 100) })
              io.write("ack " .. i .. "\n")
              io.stdout:flush()
            end
            """);
        using var child = CliProcess.Start(["-c", config, "run", script]);
        var acked = 0;
        while (acked < 300 && await child.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            if (line.StartsWith("ack ", StringComparison.Ordinal))
            {
                acked = int.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        Assert.True(acked >= 300, "the child stopped before acknowledging 300 writes: " + await child.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
        Process.Start("kill", ["-KILL", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
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
