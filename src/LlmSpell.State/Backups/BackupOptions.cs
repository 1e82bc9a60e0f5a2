using LlmSpell.Configuration;

namespace LlmSpell.State.Backups;

/// <summary><c>[runtime.state_persistence.backup]</c> settings.</summary>
public sealed record BackupOptions(string Directory, string Compression, int Level, bool Incremental, int MaxBackups, long MaxAgeSeconds)
{
    public static BackupOptions From(LlmSpellConfig config)
    {
        var type = config.GetBool("runtime.state_persistence.backup.compression_enabled", true)
            ? config.GetString("runtime.state_persistence.backup.compression_type") ?? "zstd"
            : "none";
        return new BackupOptions(
            config.GetString("runtime.state_persistence.backup.backup_dir") ?? "./backups",
            type,
            (int)config.GetInt("runtime.state_persistence.backup.compression_level", 3),
            config.GetBool("runtime.state_persistence.backup.incremental_enabled", true),
            (int)config.GetInt("runtime.state_persistence.backup.max_backups", 10),
            config.GetInt("runtime.state_persistence.backup.max_backup_age", 2_592_000));
    }
}
