using LlmSpell.TestUtilities;

namespace LlmSpell.State.Tests.Scripts;

/// <summary>Runs tests/scripts/state_*.lua and sessions_*.lua through the in-process harness on every backend.</summary>
public sealed class StateScriptTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var script in new[] { "state_basics.lua", "state_values.lua", "state_atomic.lua", "state_migrations.lua", "state_backups.lua", "sessions_basics.lua", "sessions_artifacts.lua" })
        {
            foreach (var backend in new[] { "memory", "sqlite", "postgres" })
            {
                data.Add(script, backend);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Script_OnBackend_Passes(string script, string backend)
    {
        using var dir = new TempDirectory("llmspell-state-script");
        var connection = backend == "postgres" ? PostgresTestDatabase.FreshSchema() : "";
        var toml = $"""
            [runtime.state_persistence]
            enabled = true
            backend_type = "{backend}"
            path = "{dir.File("state.db")}"
            connection_string = "{connection}"
            migration_enabled = true
            backup_enabled = true

            [runtime.state_persistence.backup]
            backup_dir = "{dir.File("backups")}"

            [runtime.sessions]
            enabled = true
            """;
        var result = ScriptHarness.RunFile(Path.Combine(RepoPaths.ScriptTests, script), toml);
        Assert.True(result.Success, result.ToString());
        if (backend == "sqlite")
        {
            // The same script through the binary users run (the launcher's Native AOT build) (a fresh store).
            using var nativeDir = new TempDirectory("llmspell-state-script");
            var native = CliScriptRunner.RunFile(Path.Combine(RepoPaths.ScriptTests, script), toml.Replace(dir.Path, nativeDir.Path, StringComparison.Ordinal));
            Assert.True(native.ExitCode == 0, "native build: " + native);
        }
    }

    [Fact]
    public void State_WithNoConfig_IsPresentAndInMemory()
    {
        var result = ScriptHarness.Run("""
            State.save("global", "k", 1)
            assert.equals(State.load("global", "k"), 1)
            assert.is_nil(Session)
            assert.is_nil(Artifact)
            assert.raises("State.create_backup: backups are disabled; set runtime.state_persistence.backup_enabled = true", State.create_backup)
            assert.raises("State.migrate: migrations are disabled; set runtime.state_persistence.migration_enabled = true", State.migrate, "1.0.0")
            """, cancellation: TestContext.Current.CancellationToken);
        Assert.True(result.Success, result.ToString());
    }

    [Fact]
    public void Save_ValueOverLimit_RaisesAndKeepsPreviousValue()
    {
        var result = ScriptHarness.Run("""
            State.save("global", "big", "small")
            assert.raises("State.save: value for 'global:big' is 2002 bytes, exceeding runtime.state_persistence.max_state_size_bytes (1000)",
              State.save, "global", "big", string.rep("x", 2000))
            assert.equals(State.load("global", "big"), "small")
            assert.raises("cannot convert a function value", State.save, "global", "big", { f = print })
            assert.equals(State.load("global", "big"), "small")
            """, "[runtime.state_persistence]\nmax_state_size_bytes = 1000\n", cancellation: TestContext.Current.CancellationToken);
        Assert.True(result.Success, result.ToString());
    }
}
