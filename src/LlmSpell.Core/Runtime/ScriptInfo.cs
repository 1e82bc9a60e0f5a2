namespace LlmSpell.Runtime;

/// <summary>What is being run: the chunk name, the script path (null for exec/repl) and its arguments.</summary>
/// <param name="ChunkName">"@path" for files, "=(exec)" for exec.</param>
/// <param name="ScriptPath">Path as given on the command line, or null.</param>
/// <param name="DisplayName">ARGS[0]: file name without directories, "(exec)" or "(repl)".</param>
/// <param name="Arguments">Script arguments (tokens after the script and after "--").</param>
public sealed record ScriptInfo(string ChunkName, string? ScriptPath, string DisplayName, IReadOnlyList<string> Arguments)
{
    /// <summary>Directory of the script (for require), or the working directory.</summary>
    public string Directory => ScriptPath is null
        ? System.IO.Directory.GetCurrentDirectory()
        : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(ScriptPath)) ?? System.IO.Directory.GetCurrentDirectory();
}
