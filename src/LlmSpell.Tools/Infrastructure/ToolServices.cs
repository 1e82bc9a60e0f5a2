using LlmSpell.Configuration;
using LlmSpell.Runtime;
using LlmSpell.Security;

namespace LlmSpell.Tools.Infrastructure;

/// <summary>
/// The collaborators every tool shares in one run: configuration, the file sandbox, the environment
/// policy, the clock and the run's service bag (areas add their own services there, e.g. the HTTP
/// client behind the network policy).
/// </summary>
/// <remarks>Thread-safe; tools run concurrently (parallel workflows, agent tool calls).</remarks>
public sealed class ToolServices(LlmSpellConfig config, FileSandbox sandbox, EnvironmentPolicy environment, RuntimeServices services, TimeProvider time, Action<string>? warn = null)
{
    public LlmSpellConfig Config { get; } = config;

    public FileSandbox Sandbox { get; } = sandbox;

    public EnvironmentPolicy Environment { get; } = environment;

    public RuntimeServices Services { get; } = services;

    public TimeProvider Time { get; } = time;

    /// <summary>Prints "Warning: …" on stderr.</summary>
    public void Warn(string message) => warn?.Invoke(message);

    /// <summary>
    /// Admits a path-taking parameter through the file sandbox (tools.md §2.1) and returns its
    /// canonical form; refusals throw a security violation naming the path and the rule.
    /// </summary>
    public string AdmitPath(string path)
    {
        if (!Config.GetBool("runtime.security.allow_file_access", true))
        {
            throw ToolFailureException.Security("file access is disabled (runtime.security.allow_file_access)");
        }

        var reason = Sandbox.Check(path, out var canonical);
        return reason is null ? canonical : throw ToolFailureException.Security(reason);
    }

    /// <summary>
    /// Admits a path that will be written: sandbox, then blocked/allowed extensions
    /// (tools.md §2.1 "Further rules").
    /// </summary>
    public string AdmitWritePath(string path)
    {
        var canonical = AdmitPath(path);
        var ext = Path.GetExtension(canonical).TrimStart('.').ToLowerInvariant();
        if (ext.Length > 0)
        {
            if (Config.GetStrings("tools.file_operations.blocked_extensions").Any(b => string.Equals(b.TrimStart('.'), ext, StringComparison.OrdinalIgnoreCase)))
            {
                throw ToolFailureException.Security($"writing files with extension '.{ext}' is not allowed");
            }

            var allowed = Config.GetStrings("tools.file_operations.allowed_extensions");
            if (allowed.Count > 0 && !allowed.Any(a => string.Equals(a.TrimStart('.'), ext, StringComparison.OrdinalIgnoreCase)))
            {
                throw ToolFailureException.Security($"writing files with extension '.{ext}' is not allowed (allowed: {string.Join(", ", allowed)})");
            }
        }

        return canonical;
    }

    /// <summary>Checks a file size against a limit (tools.file_operations.max_file_size unless given).</summary>
    public void CheckFileSize(string path, long? limit = null)
    {
        var max = limit ?? Config.GetInt("tools.file_operations.max_file_size", 50_000_000);
        var info = new FileInfo(path);
        if (info.Exists && info.Length > max)
        {
            throw ToolFailureException.Failed($"file '{path}' is {info.Length} bytes, exceeding the limit of {max}");
        }
    }
}
