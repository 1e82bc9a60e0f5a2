using System.Text.Json.Nodes;

namespace LlmSpell.Runtime;

/// <summary>Outcome of running one chunk.</summary>
public sealed record ScriptRunResult
{
    /// <summary>True when the chunk returned normally (or called os.exit).</summary>
    public bool Success { get; init; }

    /// <summary>The first value returned by the chunk, converted for printing; null = no result.</summary>
    public JsonNode? Result { get; init; }

    /// <summary>True when the chunk returned a value (even one that converts to null).</summary>
    public bool HasResult { get; init; }

    /// <summary>The error message, one line, as "Error: " would show it.</summary>
    public string? Error { get; init; }

    /// <summary>Lua traceback lines (when captured).</summary>
    public IReadOnlyList<string> Traceback { get; init; } = [];

    /// <summary>Set when the script called os.exit.</summary>
    public int? ExitCode { get; init; }

    /// <summary>True when the run was interrupted (Ctrl+C, SIGTERM, time limit).</summary>
    public bool Interrupted { get; init; }
}
