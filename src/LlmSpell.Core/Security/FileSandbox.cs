namespace LlmSpell.Security;

/// <summary>
/// The file sandbox of tools.md §2.1: a path is admitted when its canonical form (absolute,
/// <c>..</c> resolved lexically, symlinks of the longest existing prefix resolved) equals an allowed
/// root or lies below it. <c>/tmpfoo</c> is not inside <c>/tmp</c>.
/// </summary>
/// <remarks>Thread-safe after construction (roots may be added by Config.addAllowedPath).</remarks>
public sealed class FileSandbox
{
    private readonly object _gate = new();
    private readonly List<string> _roots = [];
    private readonly string _workingDirectory;

    /// <param name="roots">Allowed roots: absolute, relative to the working directory, "~/..." or "*".</param>
    /// <param name="workingDirectory">Directory relative paths are joined to.</param>
    public FileSandbox(IEnumerable<string> roots, string workingDirectory)
    {
        _workingDirectory = workingDirectory;
        foreach (var r in roots)
        {
            AddRoot(r);
        }
    }

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>True when "*" is configured.</summary>
    public bool AllowsEverything { get; private set; }

    /// <summary>The canonical roots, for messages and `llmspell info --all`.</summary>
    public IReadOnlyList<string> Roots
    {
        get
        {
            lock (_gate)
            {
                return AllowsEverything ? ["*", .. _roots] : [.. _roots];
            }
        }
    }

    /// <summary>Adds an allowed root (canonicalised now).</summary>
    public void AddRoot(string root)
    {
        lock (_gate)
        {
            if (root == "*")
            {
                AllowsEverything = true;
                return;
            }

            var expanded = ExpandHome(root);
            var canonical = Canonicalize(expanded, _workingDirectory, out _);
            if (canonical is not null && !_roots.Contains(canonical, StringComparer.Ordinal))
            {
                _roots.Add(canonical);
            }
        }
    }

    /// <summary>
    /// Checks a path. Returns null when admitted (with <paramref name="canonical"/> set), otherwise
    /// the reason in the words of tools.md §2.1.
    /// </summary>
    public string? Check(string path, out string canonical, IEnumerable<string>? extraRoots = null)
    {
        var resolved = Canonicalize(path, _workingDirectory, out var escapes);
        if (resolved is null || escapes)
        {
            canonical = path;
            return $"path '{path}' escapes the filesystem root";
        }

        canonical = resolved;
        if (AllowsEverything)
        {
            return null;
        }

        List<string> roots;
        lock (_gate)
        {
            roots = [.. _roots];
        }

        if (extraRoots is not null)
        {
            roots.AddRange(extraRoots.Select(r => Canonicalize(r, _workingDirectory, out _)).OfType<string>());
        }

        foreach (var root in roots)
        {
            if (IsInside(resolved, root))
            {
                return null;
            }
        }

        var shown = string.Join(", ", Roots);
        return string.Equals(path, resolved, StringComparison.Ordinal)
            ? $"path '{path}' is outside the allowed paths [{shown}]"
            : $"path '{path}' resolves to '{resolved}', which is outside the allowed paths [{shown}]";
    }

    /// <summary>True when <paramref name="path"/> (canonical) equals <paramref name="root"/> or lies below it.</summary>
    public static bool IsInside(string path, string root)
    {
        if (string.Equals(path, root, PathComparison))
        {
            return true;
        }

        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, PathComparison);
    }

    /// <summary>
    /// Canonical form of a path: joined to <paramref name="workingDirectory"/>, normalised lexically
    /// (<paramref name="escapesRoot"/> when a ".." climbs above the root), and with the longest
    /// existing prefix replaced by its real path.
    /// </summary>
    public static string? Canonicalize(string path, string workingDirectory, out bool escapesRoot)
    {
        escapesRoot = false;
        if (string.IsNullOrEmpty(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var combined = Path.IsPathRooted(path) ? path : Path.Combine(workingDirectory, path);
        var root = Path.GetPathRoot(combined) ?? "/";
        var segments = new List<string>();
        foreach (var seg in combined[root.Length..].Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (seg == ".")
            {
                continue;
            }

            if (seg == "..")
            {
                if (segments.Count == 0)
                {
                    escapesRoot = true;
                    continue;
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(seg);
        }

        // Resolve symlinks on the longest existing prefix, then append the rest.
        var current = root;
        for (var i = 0; i < segments.Count; i++)
        {
            var next = Path.Combine(current, segments[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (!info.Exists)
            {
                return Path.Combine([current, .. segments.Skip(i)]);
            }

            try
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                current = target is not null ? Canonicalize(target.FullName, current, out _) ?? next : next;
            }
            catch (IOException)
            {
                current = next;
            }
        }

        return current;
    }

    private static string ExpandHome(string root)
    {
        if (root.StartsWith("~/", StringComparison.Ordinal) || root == "~")
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return Path.Combine(home, root.Length > 2 ? root[2..] : "");
        }

        return root;
    }
}
