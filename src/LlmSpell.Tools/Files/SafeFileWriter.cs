using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Files;

/// <summary>
/// Sandboxed writes shared by the file tools (tools.md §2.1 "Further rules"): admit the path and its
/// extension, create parents, re-check the final location once the parents exist, then write to a
/// temporary file in the destination directory and rename it over the destination. The rename
/// replaces a symlink at the destination instead of following it.
/// </summary>
internal static class SafeFileWriter
{
    /// <summary>Admits <paramref name="path"/> for writing and returns the physical destination (parent canonical, file name kept).</summary>
    public static string PrepareDestination(ToolServices services, string path, bool createParents = true)
    {
        services.AdmitWritePath(path);
        var lexical = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(lexical) ?? "/";
        if (!Directory.Exists(parent))
        {
            if (!createParents)
            {
                throw ToolFailureException.Failed($"directory not found: {Path.GetDirectoryName(path)}", "not_found");
            }

            Directory.CreateDirectory(parent);
        }

        // Re-check after the parents exist: a symlink swapped in meanwhile must not redirect the write.
        var canonicalParent = services.AdmitPath(parent);
        var destination = Path.Combine(canonicalParent, Path.GetFileName(lexical));
        services.AdmitPath(destination);
        return destination;
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically (or directly when atomic_writes is off).</summary>
    public static string Write(ToolServices services, string path, ReadOnlySpan<byte> bytes)
    {
        services.AdmitWritePath(path);
        var max = services.Config.GetInt("tools.file_operations.max_file_size", 50_000_000);
        if (bytes.Length > max)
        {
            throw ToolFailureException.Failed($"file '{path}' is {bytes.Length} bytes, exceeding the limit of {max}");
        }

        var destination = PrepareDestination(services, path);
        WriteResolved(services, destination, bytes);
        return destination;
    }

    /// <summary>Writes to an already admitted physical destination.</summary>
    public static void WriteResolved(ToolServices services, string destination, ReadOnlySpan<byte> bytes)
    {
        if (!services.Config.GetBool("tools.file_operations.atomic_writes", true))
        {
            if (IsSymlink(destination))
            {
                File.Delete(destination);
            }

            File.WriteAllBytes(destination, bytes.ToArray());
            return;
        }

        var dir = Path.GetDirectoryName(destination)!;
        var temp = Path.Combine(dir, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, destination, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Copies a file atomically (temp copy in the destination directory, then rename).</summary>
    public static void CopyResolved(string source, string destination)
    {
        var dir = Path.GetDirectoryName(destination)!;
        var temp = Path.Combine(dir, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.Copy(source, temp);
            File.Move(temp, destination, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public static bool IsSymlink(string path) => new FileInfo(path).LinkTarget is not null;
}
