using System.Reflection;

namespace LlmSpell.TestUtilities;

/// <summary>
/// Runs a tests/scripts file through the real <c>llmspell</c> binary the launcher builds (the build
/// users run), with the same assertion library <see cref="ScriptHarness"/> injects. It catches what
/// only the published Native AOT build gets wrong (trimmed members, reflection-based serialization,
/// dynamic code). LLMSPELL_JIT=1 ./run-tests runs the same against the ReadyToRun/JIT build.
/// </summary>
public static class CliScriptRunner
{
    private static readonly Lazy<string> AssertFile = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), "llmspell-test-lua");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"assert-{Environment.ProcessId}.lua");
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("assert.lua")!;
        using var f = File.Create(path);
        s.CopyTo(f);
        return path;
    });

    /// <summary>
    /// Runs the script with <paramref name="toml"/> as its configuration file (none when empty).
    /// The script runs from the repository root under its repository-relative chunk name, so
    /// error locations read <c>tests/scripts/x.lua:12</c> as in the in-process runners.
    /// </summary>
    public static CliResult RunFile(string path, string toml = "", IReadOnlyList<string>? args = null, IDictionary<string, string?>? env = null, TimeSpan? timeout = null)
    {
        using var dir = new TempDirectory();
        var relative = Path.GetRelativePath(RepoPaths.Root, path);
        var wrapper = Path.Combine(dir.Path, "wrapper.lua");
        File.WriteAllText(wrapper, $$"""
            dofile({{Quote(AssertFile.Value)}})
            local chunk, err = loadfile({{Quote(relative)}})
            if not chunk then error(err, 0) end
            return chunk(...)
            """);
        var argv = new List<string>();
        if (toml.Length > 0)
        {
            var config = Path.Combine(dir.Path, "test.toml");
            File.WriteAllText(config, toml);
            argv.AddRange(["-c", config]);
        }

        argv.AddRange(["run", wrapper]);
        if (args is { Count: > 0 })
        {
            argv.Add("--");
            argv.AddRange(args);
        }

        return CliProcess.Run(argv, env, workingDirectory: RepoPaths.Root, timeout: timeout);
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
