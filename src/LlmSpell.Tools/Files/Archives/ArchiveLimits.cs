using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Files.Archives;

/// <summary>Zip-bomb and path-traversal checks (tools.md §5.17).</summary>
internal static class ArchiveLimits
{
    public const long MaxEntrySize = 100L * 1024 * 1024;
    public const long MaxTotalSize = 1024L * 1024 * 1024;
    public const int MaxEntries = 10_000;
    public const double MaxRatio = 100;

    /// <summary>Rejects the whole archive before anything is written.</summary>
    public static void Check(IReadOnlyList<ArchiveEntry> entries)
    {
        if (entries.Count > MaxEntries)
        {
            throw ToolFailureException.Security($"archive has {entries.Count} entries, more than the limit of {MaxEntries}");
        }

        long total = 0;
        foreach (var e in entries)
        {
            CheckName(e.Name);
            if (e.Size > MaxEntrySize)
            {
                throw ToolFailureException.Security($"archive entry '{e.Name}' is {e.Size} bytes, more than the limit of {MaxEntrySize}");
            }

            if (e.CompressedSize is { } c && c > 0 && (double)e.Size / c > MaxRatio)
            {
                throw ToolFailureException.Security($"archive entry '{e.Name}' has a compression ratio above {MaxRatio} (possible zip bomb)");
            }

            total += e.Size;
            if (total > MaxTotalSize)
            {
                throw ToolFailureException.Security($"archive expands to more than {MaxTotalSize} bytes");
            }
        }
    }

    public static void CheckName(string name)
    {
        var normalized = name.Replace('\\', '/');
        if (normalized.StartsWith('/') || (normalized.Length > 1 && normalized[1] == ':') || normalized.Split('/').Contains(".."))
        {
            throw ToolFailureException.Security($"archive entry '{name}' has an unsafe path (absolute or containing '..')");
        }
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes; more means the archive lied about its sizes.</summary>
    public static long CopyBounded(Stream from, Stream to, long limit, string name)
    {
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = from.Read(buffer, 0, buffer.Length)) > 0)
        {
            copied += read;
            if (copied > limit)
            {
                throw ToolFailureException.Security($"archive entry '{name}' expands beyond the limit of {limit} bytes");
            }

            to.Write(buffer, 0, read);
        }

        return copied;
    }
}
