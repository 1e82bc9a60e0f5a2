using System.Formats.Tar;
using System.IO.Compression;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Files.Archives;

/// <summary>Reading archives: listing entries and opening each member (zip, tar, tar.gz, gz).</summary>
internal static class ArchiveFormats
{
    public static string Detect(string path, string? given)
    {
        if (given is { Length: > 0 })
        {
            var f = given.Trim().ToLowerInvariant().TrimStart('.');
            return f switch
            {
                "zip" or "tar" or "gz" => f,
                "tar.gz" or "tgz" => "tar.gz",
                _ => throw ToolFailureException.InvalidParameters($"parameter 'format': expected one of zip, tar, tar.gz, gz, got '{given}'"),
            };
        }

        var lower = path.ToLowerInvariant();
        return lower.EndsWith(".zip", StringComparison.Ordinal) ? "zip"
            : lower.EndsWith(".tar.gz", StringComparison.Ordinal) || lower.EndsWith(".tgz", StringComparison.Ordinal) ? "tar.gz"
            : lower.EndsWith(".tar", StringComparison.Ordinal) ? "tar"
            : lower.EndsWith(".gz", StringComparison.Ordinal) ? "gz"
            : throw ToolFailureException.InvalidParameters($"cannot tell the archive format of '{path}' (use .zip, .tar, .tar.gz, .tgz, .gz or the format parameter)");
    }

    /// <summary>Visits every entry; <paramref name="open"/> is called with a stream for file members when <paramref name="withContent"/>.</summary>
    public static List<ArchiveEntry> Read(string path, string format, Action<ArchiveEntry, Stream>? open = null)
    {
        try
        {
            return format switch
            {
                "zip" => ReadZip(path, open),
                "gz" => ReadGz(path, open),
                _ => ReadTar(path, format == "tar.gz", open),
            };
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw ToolFailureException.Failed($"'{path}' is not a valid {format} archive: {ex.Message}");
        }
    }

    private static List<ArchiveEntry> ReadZip(string path, Action<ArchiveEntry, Stream>? open)
    {
        using var zip = ZipFile.OpenRead(path);
        var list = new List<ArchiveEntry>();
        foreach (var e in zip.Entries)
        {
            var isDir = e.FullName.EndsWith('/') && e.Length == 0;
            var entry = new ArchiveEntry(e.FullName, e.Length, e.CompressedLength, isDir, e.LastWriteTime);
            list.Add(entry);
            if (open is not null && !isDir)
            {
                using var s = e.Open();
                open(entry, s);
            }
        }

        return list;
    }

    private static List<ArchiveEntry> ReadTar(string path, bool gzip, Action<ArchiveEntry, Stream>? open)
    {
        using var file = File.OpenRead(path);
        using Stream source = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new TarReader(source);
        var list = new List<ArchiveEntry>();
        while (reader.GetNextEntry() is { } e)
        {
            var isDir = e.EntryType == TarEntryType.Directory;
            var isLink = e.EntryType is TarEntryType.SymbolicLink or TarEntryType.HardLink;
            var entry = new ArchiveEntry(e.Name, e.Length, null, isDir, e.ModificationTime, isLink);
            list.Add(entry);
            if (open is not null && !isDir && !isLink && e.DataStream is { } data)
            {
                open(entry, data);
            }
        }

        return list;
    }

    private static List<ArchiveEntry> ReadGz(string path, Action<ArchiveEntry, Stream>? open)
    {
        var name = Path.GetFileName(path);
        name = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name + ".out";
        var compressed = new FileInfo(path).Length;
        long size;
        using (var probe = new GZipStream(File.OpenRead(path), CompressionMode.Decompress))
        {
            size = ArchiveLimits.CopyBounded(probe, Stream.Null, ArchiveLimits.MaxEntrySize, name);
        }

        var entry = new ArchiveEntry(name, size, compressed, false, File.GetLastWriteTimeUtc(path));
        if (open is not null)
        {
            using var s = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            open(entry, s);
        }

        return [entry];
    }
}
