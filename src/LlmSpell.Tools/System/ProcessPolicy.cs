using LlmSpell.Configuration;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Sys;

/// <summary>
/// The process policy of tools.md §2.3, in one place: process_executor and video_processor (ffmpeg)
/// both admit executables and build child environments here.
/// </summary>
internal sealed class ProcessPolicy(LlmSpellConfig config)
{
    private static readonly string[] ForbiddenFragments = ["..", ";", "|", "&", "`", "$", ">", "<", "\n", "\r"];

    /// <summary>
    /// Admits an executable and returns its resolved absolute path. Denials raise
    /// <c>security violation: execution of '&lt;exe&gt;' is not permitted</c>; an executable that
    /// cannot be found raises a plain failure.
    /// </summary>
    /// <param name="executable">The program name or absolute path as given by the script.</param>
    /// <param name="implicitlyAllowed">True for programs the operator configured (ffmpeg): they skip
    /// <c>allowed_commands</c> but not the global switches or <c>blocked_commands</c>.</param>
    public string Admit(string executable, bool implicitlyAllowed = false)
    {
        if (!config.GetBool("runtime.security.allow_process_spawn", true) || !config.GetBool("tools.system.allow_process_execution", true))
        {
            throw Denied(executable);
        }

        if (executable.Length == 0 || ForbiddenFragments.Any(f => executable.Contains(f, StringComparison.Ordinal)))
        {
            throw Denied(executable);
        }

        var name = Path.GetFileNameWithoutExtension(executable);
        if (config.GetStrings("tools.system.blocked_commands").Any(b => string.Equals(b, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw Denied(executable);
        }

        var allowed = config.GetStrings("tools.system.allowed_commands");
        if (!implicitlyAllowed && !allowed.Contains("*") && !allowed.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw Denied(executable);
        }

        return Resolve(executable) ?? throw ToolFailureException.Failed($"executable '{executable}' was not found on PATH", "not_found");
    }

    /// <summary>The child environment: only the names in <c>allowed_env_vars</c>, from this process or the caller.</summary>
    public Dictionary<string, string> ChildEnvironment(IReadOnlyDictionary<string, string>? requested)
    {
        var allowed = config.GetStrings("tools.system.allowed_env_vars");
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in allowed)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                env[name] = value;
            }
        }

        foreach (var (name, value) in requested ?? new Dictionary<string, string>())
        {
            if (allowed.Contains(name, StringComparer.Ordinal))
            {
                env[name] = value;
            }
        }

        return env;
    }

    public long MaxOutputBytes => config.GetInt("tools.system.max_output_size", 1_048_576);

    /// <summary>Finds an executable: absolute paths must exist; bare names are searched on PATH.</summary>
    public static string? Resolve(string executable)
    {
        if (Path.IsPathRooted(executable))
        {
            return File.Exists(executable) ? executable : null;
        }

        if (executable.Contains('/', StringComparison.Ordinal) || executable.Contains('\\', StringComparison.Ordinal))
        {
            // Relative paths with directories would make the result depend on the working directory.
            return null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        string[] extensions = OperatingSystem.IsWindows() ? ["", ".exe", ".cmd", ".bat"] : [""];
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var ext in extensions)
            {
                var candidate = Path.Combine(dir, executable + ext);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static ToolFailureException Denied(string executable) =>
        ToolFailureException.Security($"execution of '{executable}' is not permitted");
}
