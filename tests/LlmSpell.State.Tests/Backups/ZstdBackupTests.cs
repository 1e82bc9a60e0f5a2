using System.Text.Json.Nodes;
using LlmSpell.State.Backups;
using LlmSpell.State.Memory;
using LlmSpell.State.Storage;
using LlmSpell.TestUtilities;
using LlmSpell.Values;

namespace LlmSpell.State.Tests.Backups;

/// <summary>zstd is the default backup codec (cli-and-config.md §5.6): real zstd frames, restorable, corruption detected.</summary>
public sealed class ZstdBackupTests : IDisposable
{
    private readonly TempDirectory _dir = new("llmspell-zstd");
    private readonly StateService _state;
    private readonly BackupManager _backups;

    public ZstdBackupTests()
    {
        var backend = new MemoryStorageProvider().Open(new StorageOptions(null, null, TimeProvider.System));
        _state = new StateService(backend.State, new StateLimits(1_000_000, 512));
        _backups = new BackupManager(_state, new BackupOptions(_dir.File("backups"), "zstd", 3, true, 10, 3600), TimeProvider.System);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backup_WithZstd_WritesAZstdFrameAndRestores()
    {
        await _state.SaveAsync("global:doc", JsonValue.Create(new string('x', 10_000)), Ct);
        var id = JsonValues.AsString((await _backups.CreateAsync(false, null, Ct))["backup_id"])!;
        var payload = await File.ReadAllBytesAsync(Path.Combine(_dir.File("backups"), id + ".backup"), Ct);

        // zstd frame magic number 0xFD2FB528 (little endian), and real compression of repetitive data.
        Assert.Equal(new byte[] { 0x28, 0xB5, 0x2F, 0xFD }, payload[..4]);
        Assert.True(payload.Length < 1_000, $"payload is {payload.Length} bytes");

        await _state.SaveAsync("global:doc", JsonValue.Create("changed"), Ct);
        var result = await _backups.RestoreAsync(id, false, true, false, Ct);
        Assert.True(JsonValues.AsBool(result["success"]), result.ToJsonString());
        Assert.Equal(10_000, JsonValues.AsString(await _state.LoadAsync("global:doc", Ct))!.Length);
    }

    [Fact]
    public async Task Restore_OfCorruptZstdPayload_FailsAndKeepsState()
    {
        await _state.SaveAsync("global:a", JsonValue.Create(1L), Ct);
        var id = JsonValues.AsString((await _backups.CreateAsync(false, null, Ct))["backup_id"])!;
        await File.WriteAllBytesAsync(Path.Combine(_dir.File("backups"), id + ".backup"), [0x28, 0xB5, 0x2F, 0xFD, 9, 9, 9], Ct);
        await _state.SaveAsync("global:a", JsonValue.Create(2L), Ct);

        var result = await _backups.RestoreAsync(id, false, verify: false, backupCurrent: false, Ct);
        Assert.False(JsonValues.AsBool(result["success"]));
        Assert.Equal(2, JsonValues.AsInteger(await _state.LoadAsync("global:a", Ct)));
    }

    public void Dispose() => _dir.Dispose();
}
