namespace LlmSpell.Security;

/// <summary>
/// Which environment variables tools and safe-mode Lua may read (tools.md §2.4). Blocked patterns
/// are checked first; everything not allowed is invisible.
/// </summary>
public sealed class EnvironmentPolicy(IEnumerable<string>? extraAllowed = null, IEnumerable<string>? extraBlocked = null)
{
    private static readonly string[] DefaultBlocked =
        ["*PASSWORD*", "*SECRET*", "*KEY*", "*TOKEN*", "*CREDENTIAL*", "*AUTH*", "*PRIVATE*", "AWS_*", "AZURE_*", "GCP_*", "GOOGLE_*", "SSH_*", "API_*"];

    private static readonly string[] DefaultAllowed =
        ["PATH", "HOME", "USER", "SHELL", "TERM", "LANG", "LC_*", "TZ", "TMPDIR", "TEMP", "TMP", "PWD", "OLDPWD", "HOSTNAME", "LLMSPELL_*"];

    private readonly string[] _blocked = [.. DefaultBlocked, .. extraBlocked ?? []];
    private readonly string[] _allowed = [.. DefaultAllowed, .. extraAllowed ?? []];

    /// <summary>True when the name matches a blocked pattern.</summary>
    public bool IsBlocked(string name) => _blocked.Any(p => Glob.Matches(p, name, ignoreCase: true));

    /// <summary>True when the variable may be read.</summary>
    public bool IsVisible(string name) => !IsBlocked(name) && _allowed.Any(p => Glob.Matches(p, name, ignoreCase: true));
}
