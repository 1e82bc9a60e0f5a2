namespace LlmSpell.Runtime;

/// <summary>A script engine bound to one run (runtime.md §2: one state per run).</summary>
public interface IScriptEngine : IDisposable
{
    /// <summary>Engine name ("lua").</summary>
    string Name { get; }

    /// <summary>Runs a chunk on the calling thread (which becomes the script thread).</summary>
    ScriptRunResult Execute(byte[] code, string chunkName);
}
