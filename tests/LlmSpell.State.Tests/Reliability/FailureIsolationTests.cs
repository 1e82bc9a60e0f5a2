using System.Text.Json.Nodes;
using LlmSpell.State.Backups;
using LlmSpell.State.Memory;
using LlmSpell.State.Storage;
using LlmSpell.TestUtilities;
using LlmSpell.Values;

namespace LlmSpell.State.Tests.Reliability;

/// <summary>Corrupt or truncated backups and failing migrations report clear errors and leave the state as it was.</summary>
public sealed class FailureIsolationTests : IDisposable
{
    private readonly TempDirectory _dir = new("llmspell-backup");
    private readonly StateService _state;
    private readonly BackupManager _backups;

    public FailureIsolationTests()
    {
        var backend = new MemoryStorageProvider().Open(new StorageOptions(null, null, TimeProvider.System));
        _state = new StateService(backend.State, new StateLimits(1_000_000, 512));
        _backups = new BackupManager(_state, new BackupOptions(_dir.File("backups"), "gzip", 3, true, 10, 3600), TimeProvider.System);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Restore_OfTruncatedBackup_FailsAndKeepsCurrentState()
    {
        await _state.SaveAsync("global:a", JsonValue.Create(1L), Ct);
        var id = JsonValues.AsString((await _backups.CreateAsync(false, null, Ct))["backup_id"])!;
        await _state.SaveAsync("global:a", JsonValue.Create(2L), Ct);
        var payload = Path.Combine(_dir.File("backups"), id + ".backup");
        var bytes = await File.ReadAllBytesAsync(payload, Ct);
        await File.WriteAllBytesAsync(payload, bytes[..(bytes.Length / 2)], Ct);

        var validation = _backups.Validate(id);
        Assert.False(JsonValues.AsBool(validation["is_valid"]));
        Assert.False(JsonValues.AsBool(validation["checksum_ok"]));
        Assert.Contains("checksum mismatch", JsonValues.AsString(validation["errors"]![0]), StringComparison.Ordinal);

        var result = await _backups.RestoreAsync(id, false, true, false, Ct);
        Assert.False(JsonValues.AsBool(result["success"]));
        Assert.Equal(2, JsonValues.AsInteger(await _state.LoadAsync("global:a", Ct)));
    }

    [Fact]
    public async Task Restore_OfCorruptPayloadWithoutVerification_FailsCleanly()
    {
        await _state.SaveAsync("global:a", JsonValue.Create(1L), Ct);
        var id = JsonValues.AsString((await _backups.CreateAsync(false, null, Ct))["backup_id"])!;
        await File.WriteAllBytesAsync(Path.Combine(_dir.File("backups"), id + ".backup"), [0x1f, 0x8b, 1, 2, 3], Ct);
        await _state.SaveAsync("global:a", JsonValue.Create(3L), Ct);

        var result = await _backups.RestoreAsync(id, false, verify: false, backupCurrent: false, Ct);
        Assert.False(JsonValues.AsBool(result["success"]));
        Assert.Contains("unreadable", JsonValues.AsString(result["error"]), StringComparison.Ordinal);
        Assert.Equal(3, JsonValues.AsInteger(await _state.LoadAsync("global:a", Ct)));
    }

    [Fact]
    public async Task Incremental_WithMissingParent_IsReportedInvalid()
    {
        await _state.SaveAsync("global:a", JsonValue.Create(1L), Ct);
        var full = JsonValues.AsString((await _backups.CreateAsync(false, null, Ct))["backup_id"])!;
        await _state.SaveAsync("global:b", JsonValue.Create(1L), Ct);
        var inc = JsonValues.AsString((await _backups.CreateAsync(true, null, Ct))["backup_id"])!;
        File.Delete(Path.Combine(_dir.File("backups"), full + ".json"));

        var validation = _backups.Validate(inc);
        Assert.False(JsonValues.AsBool(validation["is_valid"]));
        Assert.Contains("parent backup", JsonValues.AsString(validation["errors"]![0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cleanup_KeepsParentsOfKeptIncrementals()
    {
        var backups = new BackupManager(_state, new BackupOptions(_dir.File("backups"), "gzip", 3, true, 1, 3600), TimeProvider.System);
        await _state.SaveAsync("global:a", JsonValue.Create(1L), Ct);
        await backups.CreateAsync(false, null, Ct);
        await _state.SaveAsync("global:b", JsonValue.Create(1L), Ct);
        await backups.CreateAsync(true, null, Ct);

        var result = backups.Cleanup(false);
        Assert.Equal(0, JsonValues.AsInteger(result["deleted_count"]));
        Assert.Equal(2, JsonValues.AsInteger(result["retained_count"]));
    }

    public void Dispose() => _dir.Dispose();
}
