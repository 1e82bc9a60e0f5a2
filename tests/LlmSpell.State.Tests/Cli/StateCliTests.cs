using LlmSpell.TestUtilities;

namespace LlmSpell.State.Tests.Cli;

/// <summary><c>llmspell backup</c>, <c>llmspell session</c> and persistence across runs, through the real CLI.</summary>
public sealed class StateCliTests : IDisposable
{
    private readonly TempDirectory _dir = new("llmspell-cli-state");

    private string Config(bool sessions = true) => _dir.Write("cfg.toml", $"""
        [runtime.state_persistence]
        enabled = true
        backend_type = "sqlite"
        path = "{_dir.File("db/state.db")}"
        backup_enabled = true

        [runtime.state_persistence.backup]
        backup_dir = "{_dir.File("backups")}"

        [runtime.sessions]
        enabled = {(sessions ? "true" : "false")}
        """);

    [Fact]
    public void StateEnabledConfig_PersistsAcrossRuns()
    {
        var first = _dir.Write("one.lua", "State.save('global', 'greeting', { text = 'hi', n = 3 })");
        var second = _dir.Write("two.lua", "local v = State.load('global', 'greeting') print(v.text, math.type(v.n))");
        Assert.Equal(0, CliProcess.Run("-c", Config(), "run", first).ExitCode);
        var r = CliProcess.Run("-c", Config(), "run", second);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("hi\tinteger", r.Stdout.Trim());
    }

    [Fact]
    public void Backup_CreateListValidateRestore_RoundTrips()
    {
        var cfg = Config();
        Assert.Equal(0, CliProcess.Run("-c", cfg, "exec", "State.save('global','k',1)").ExitCode);
        var created = CliProcess.Run("-c", cfg, "backup", "create", "-d", "first");
        Assert.True(created.ExitCode == 0, created.ToString());
        var id = created.Stdout.Trim();
        Assert.StartsWith("backup_", id, StringComparison.Ordinal);
        Assert.Contains(id, CliProcess.Run("-c", cfg, "backup", "list").Stdout, StringComparison.Ordinal);
        Assert.Equal(0, CliProcess.Run("-c", cfg, "backup", "validate", id).ExitCode);
        Assert.Contains("key_count: 1", CliProcess.Run("-c", cfg, "backup", "info", id).Stdout, StringComparison.Ordinal);

        Assert.Equal(0, CliProcess.Run("-c", cfg, "exec", "State.save('global','k',2)").ExitCode);
        var restored = CliProcess.Run("-c", cfg, "backup", "restore", id, "--no-backup");
        Assert.True(restored.ExitCode == 0, restored.ToString());
        Assert.Equal("1", CliProcess.Run("-c", cfg, "exec", "print(State.load('global','k'))").Stdout.Trim());

        File.WriteAllText(Path.Combine(_dir.File("backups"), id + ".backup"), "garbage");
        var invalid = CliProcess.Run("-c", cfg, "backup", "validate", id);
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("checksum mismatch", invalid.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Backup_WithMemoryBackend_ExplainsWhatIsNeeded()
    {
        var r = CliProcess.Run("--no-config", "backup", "list");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Error: backups need a persistent state backend; set runtime.state_persistence.backend_type = \"sqlite\"", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Session_ListShowExportDelete_SeeSessionsOfEarlierRuns()
    {
        var cfg = Config();
        var made = CliProcess.Run("-c", cfg, "exec", "local id = Session.create{name='cli-test', tags={'t'}} Artifact.store(id, 'text', 'a.txt', 'hello') print(id)");
        Assert.True(made.ExitCode == 0, made.ToString());
        var id = made.Stdout.Trim();

        var list = CliProcess.Run("-c", cfg, "session", "list");
        Assert.Contains(id, list.Stdout, StringComparison.Ordinal);
        Assert.Contains("cli-test", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("a.txt", CliProcess.Run("-c", cfg, "session", "show", id).Stdout, StringComparison.Ordinal);
        var export = CliProcess.Run("-c", cfg, "session", "export", id, "--with-content");
        Assert.Contains("\"content_base64\": \"aGVsbG8=\"", export.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, CliProcess.Run("-c", cfg, "session", "delete", id, "-y").ExitCode);
        Assert.Equal("No sessions", CliProcess.Run("-c", cfg, "session", "list").Stdout.Trim());
    }

    [Fact]
    public void Session_WithMemoryBackend_SaysSoAndExitsZero()
    {
        var r = CliProcess.Run("--no-config", "session", "list");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("No persistent session storage configured (runtime.sessions.storage_backend = \"memory\")", r.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
