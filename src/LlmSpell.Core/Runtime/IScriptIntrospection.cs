namespace LlmSpell.Runtime;

/// <summary>What the engine can tell about the running script (for Debug.stackTrace and memoryStats).</summary>
public interface IScriptIntrospection
{
    /// <summary>Bytes held by the script state.</summary>
    long ScriptMemoryBytes { get; }

    /// <summary>Frames of the script's call stack, innermost first.</summary>
    IReadOnlyList<ScriptFrame> StackFrames(int maxDepth);
}

/// <summary>One frame of the script's call stack.</summary>
public sealed record ScriptFrame(string Source, int Line, string? Function, string Kind);
