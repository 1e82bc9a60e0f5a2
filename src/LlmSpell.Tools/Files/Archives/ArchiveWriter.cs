using System.Formats.Tar;
using System.IO.Compression;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Files.Archives;

/// <summary>Creating archives from admitted files and directories (written to a temp file, then renamed).</summary>
internal static class ArchiveWriter
{
    /// <summary>Collects (full path, entry name) pairs; directories are walked up to <paramref name="maxDepth"/>, symlinks are skipped.</summary>
    public static List<(string Full, string Name)> Collect(ToolServices services, IEnumerable<string> inputs, int maxDepth)
    {
        var files = new List<(string, string)>();
        foreach (var input in inputs)
        {
            var full = services.AdmitPath(input);
            if (File.Exists(full))
            {
                files.Add((full, Path.GetFileName(full)));
            }
            else if (Directory.Exists(full))
            {
                Walk(services, full, Path.GetFileName(full.TrimEnd('/')), 0, maxDepth, files);
            }
            else
            {
                throw ToolFailureException.Failed($"file not found: {input}", "not_found");
            }
        }

        return files;
    }

    private static void Walk(ToolServices services, string dir, string prefix, int depth, int maxDepth, List<(string, string)> into)
    {
        if (depth > maxDepth)
        {
            throw ToolFailureException.Failed($"directory tree is deeper than max_depth {maxDepth}");
        }

        foreach (var info in new DirectoryInfo(dir).EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            if (info.LinkTarget is not null)
            {
                continue;
            }

            services.AdmitPath(info.FullName);
            var name = prefix + "/" + info.Name;
            if (info is DirectoryInfo)
            {
                Walk(services, info.FullName, name, depth + 1, maxDepth, into);
            }
            else
            {
                into.Add((info.FullName, name));
            }
        }
    }

    public static void Write(string destination, string format, List<(string Full, string Name)> files)
    {
        var temp = Path.Combine(Path.GetDirectoryName(destination)!, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                switch (format)
                {
                    case "zip":
                        using (var zip = new ZipArchive(output, ZipArchiveMode.Create))
                        {
                            foreach (var (full, name) in files)
                            {
                                zip.CreateEntryFromFile(full, name, CompressionLevel.Optimal);
                            }
                        }

                        break;
                    case "gz":
                        if (files.Count != 1)
                        {
                            throw ToolFailureException.InvalidParameters($"parameter 'input': a .gz archive takes exactly one file, got {files.Count}");
                        }

                        using (var gz = new GZipStream(output, CompressionLevel.Optimal))
                        using (var source = File.OpenRead(files[0].Full))
                        {
                            source.CopyTo(gz);
                        }

                        break;
                    default:
                        using (Stream target = format == "tar.gz" ? new GZipStream(output, CompressionLevel.Optimal) : output)
                        using (var tar = new TarWriter(target, TarEntryFormat.Pax, leaveOpen: false))
                        {
                            foreach (var (full, name) in files)
                            {
                                tar.WriteEntry(full, name);
                            }
                        }

                        break;
                }
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
}
