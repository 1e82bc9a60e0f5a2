using LlmSpell.Configuration;

namespace LlmSpell.State.Sessions;

/// <summary><c>[runtime.sessions]</c> limits.</summary>
public sealed record SessionOptions(int MaxSessions, int MaxArtifactsPerSession, long CompressionThreshold, long TimeoutSeconds, long MaxArtifactBytes, int MaxHookLogEntries)
{
    public static SessionOptions From(LlmSpellConfig config) => new(
        (int)config.GetInt("runtime.sessions.max_sessions", 100),
        (int)config.GetInt("runtime.sessions.max_artifacts_per_session", 1000),
        config.GetInt("runtime.sessions.artifact_compression_threshold", 10_240),
        config.GetInt("runtime.sessions.session_timeout_seconds", 3600),
        config.GetInt("runtime.sessions.max_artifact_size_bytes", 104_857_600),
        (int)config.GetInt("runtime.sessions.max_hook_log_entries", 10_000));
}
