namespace LlmSpell.Runtime;

/// <summary>The ordered steps of the shutdown sequence (runtime.md §12).</summary>
public enum ShutdownStep
{
    /// <summary>Lua hooks registered for SystemShutdown.</summary>
    Hooks = 1,

    /// <summary>Pending event exports are flushed.</summary>
    Events = 2,

    /// <summary>The RAG vector store is saved.</summary>
    VectorStore = 3,

    /// <summary>Sessions are saved and stores closed.</summary>
    Stores = 4,
}

/// <summary>What the shutdown sequence knows about the run's end.</summary>
public sealed record ShutdownInfo(int ExitCode, long DurationMs, string? Error);
