using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Files;

/// <summary>The operations of file_operations; failures throw <see cref="ToolFailureException"/> and are turned into failure results by the tool.</summary>
internal sealed partial class FileOperationsRunner(ToolServices services, ToolRequest request)
{
    private const int MaxListEntries = 1000;

    /// <summary>Parameter checks that raise (tools.md §5.19: missing path raises).</summary>
    public void ValidateParameters(string operation)
    {
        if (operation is "copy" or "move")
        {
            if (request.String("source_path") is null && request.String("path") is null)
            {
                throw ToolFailureException.InvalidParameters("missing required parameter 'source_path'");
            }

            _ = request.String("target_path") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'target_path'");
            return;
        }

        _ = request.RequireString("path");
        var encoding = request.String("encoding")?.Trim().ToLowerInvariant() ?? "utf8";
        if (encoding is not ("utf8" or "utf-8" or "base64"))
        {
            throw ToolFailureException.InvalidParameters($"parameter 'encoding': expected one of utf8, base64, got '{encoding}'");
        }
    }

    public (string Text, JsonObject Result) Run(string operation, CancellationToken ct) => operation switch
    {
        "read" => Read(),
        "write" => Write(append: false),
        "append" => Write(append: true),
        "delete" => Delete(),
        "create_dir" => CreateDir(),
        "list_dir" => ListDir(ct),
        "copy" => Copy(ct),
        "move" => Move(),
        "metadata" => Metadata(),
        _ => Exists(),
    };

    private string PathParam => request.RequireString("path");

    private bool Base64 => (request.String("encoding")?.Trim().ToLowerInvariant() ?? "utf8") == "base64";

    private (string, JsonObject) Read()
    {
        var path = PathParam;
        var full = services.AdmitPath(path);
        if (Directory.Exists(full))
        {
            throw ToolFailureException.Failed($"'{path}' is a directory");
        }

        if (!File.Exists(full))
        {
            throw ToolFailureException.Failed($"file not found: {path}", "not_found");
        }

        services.CheckFileSize(full);
        var bytes = File.ReadAllBytes(full);
        var text = Base64 ? Convert.ToBase64String(bytes) : Encoding.UTF8.GetString(bytes);
        return (text, new JsonObject { ["size"] = (long)bytes.Length });
    }

    private (string, JsonObject) Write(bool append)
    {
        var path = PathParam;
        var input = request.String("input") ?? request.String("content") ?? "";
        byte[] bytes;
        try
        {
            bytes = Base64 ? Convert.FromBase64String(input) : Encoding.UTF8.GetBytes(input);
        }
        catch (FormatException)
        {
            throw ToolFailureException.InvalidParameters("parameter 'input': not valid Base64");
        }

        if (!append)
        {
            SafeFileWriter.Write(services, path, bytes);
            return ($"Wrote {bytes.Length} bytes to {path}", new JsonObject { ["path"] = path, ["size"] = (long)bytes.Length });
        }

        var destination = SafeFileWriter.PrepareDestination(services, path);
        var max = services.Config.GetInt("tools.file_operations.max_file_size", 50_000_000);
        var existing = File.Exists(destination) ? new FileInfo(destination).Length : 0;
        if (existing + bytes.Length > max)
        {
            throw ToolFailureException.Failed($"file '{path}' is {existing + bytes.Length} bytes, exceeding the limit of {max}");
        }

        if (SafeFileWriter.IsSymlink(destination))
        {
            throw ToolFailureException.Failed($"refusing to append through a symlink: {path}");
        }

        using (var stream = new FileStream(destination, FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            stream.Write(bytes);
        }

        return ($"Appended {bytes.Length} bytes to {path}", new JsonObject { ["path"] = path, ["appended_size"] = (long)bytes.Length });
    }

    private (string, JsonObject) Delete()
    {
        var path = PathParam;
        var full = services.AdmitPath(path);
        var lexical = Path.GetFullPath(path);
        var target = SafeFileWriter.IsSymlink(lexical) ? lexical : full;
        if (SafeFileWriter.IsSymlink(target) || File.Exists(target))
        {
            File.Delete(target);
            return ($"Deleted file: {path}", new JsonObject { ["path"] = path });
        }

        if (!Directory.Exists(target))
        {
            throw ToolFailureException.Failed($"file not found: {path}", "not_found");
        }

        if (!request.Flag("recursive"))
        {
            throw ToolFailureException.Failed($"'{path}' is a directory; set recursive = true");
        }

        var maxDepth = MaxDepth;
        if (DirectoryDepth(target, 0, maxDepth) > maxDepth)
        {
            throw ToolFailureException.Failed($"directory '{path}' is deeper than max_depth {maxDepth}");
        }

        Directory.Delete(target, recursive: true);
        return ($"Deleted directory: {path}", new JsonObject { ["path"] = path });
    }

    private (string, JsonObject) CreateDir()
    {
        var path = PathParam;
        var full = services.AdmitPath(path);
        var recursive = request.Flag("recursive");
        if (Directory.Exists(full))
        {
            return ($"Directory already exists: {path}", new JsonObject { ["path"] = path, ["recursive"] = recursive, ["created"] = false });
        }

        if (File.Exists(full))
        {
            throw ToolFailureException.Failed($"'{path}' exists and is a file");
        }

        var parent = Path.GetDirectoryName(full);
        if (!recursive && parent is not null && !Directory.Exists(parent))
        {
            throw ToolFailureException.Failed($"parent directory does not exist: {Path.GetDirectoryName(path)}; set recursive = true", "not_found");
        }

        if (parent is not null)
        {
            Directory.CreateDirectory(parent);
            services.AdmitPath(parent);
        }

        Directory.CreateDirectory(full);
        services.AdmitPath(full);
        return ($"Created directory: {path}", new JsonObject { ["path"] = path, ["recursive"] = recursive, ["created"] = true });
    }

    private (string, JsonObject) ListDir(CancellationToken ct)
    {
        var path = PathParam;
        var full = services.AdmitPath(path);
        if (!Directory.Exists(full))
        {
            throw ToolFailureException.Failed($"directory not found: {path}", "not_found");
        }

        var collected = new List<FileSystemInfo>();
        var truncated = false;
        Collect(new DirectoryInfo(full), request.Flag("recursive") ? MaxDepth : 0, 0, collected, ref truncated, ct);
        var ordered = collected
            .Select(i => (Info: i, Name: Path.GetRelativePath(full, i.FullName)))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        if (ordered.Count > MaxListEntries)
        {
            ordered = ordered[..MaxListEntries];
            truncated = true;
        }

        var entries = new JsonArray();
        foreach (var (info, name) in ordered)
        {
            var type = info.LinkTarget is not null ? "symlink" : info is DirectoryInfo ? "directory" : "file";
            entries.Add((JsonNode)new JsonObject
            {
                ["name"] = name,
                ["path"] = info.FullName,
                ["type"] = type,
                ["size"] = info is FileInfo f && type == "file" ? f.Length : 0L,
                ["modified"] = Iso(info.LastWriteTimeUtc),
            });
        }

        return ($"Found {entries.Count} entries in {path}", new JsonObject { ["entries"] = entries, ["count"] = entries.Count, ["truncated"] = truncated });
    }

    private void Collect(DirectoryInfo dir, int maxDepth, int depth, List<FileSystemInfo> into, ref bool truncated, CancellationToken ct)
    {
        foreach (var info in dir.EnumerateFileSystemInfos())
        {
            ct.ThrowIfCancellationRequested();
            if (into.Count >= MaxListEntries * 10)
            {
                truncated = true;
                return;
            }

            into.Add(info);
            if (info is DirectoryInfo sub && info.LinkTarget is null && depth < maxDepth)
            {
                Collect(sub, maxDepth, depth + 1, into, ref truncated, ct);
            }
        }
    }

    private (string, JsonObject) Metadata()
    {
        var path = PathParam;
        var full = services.AdmitPath(path);
        FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
        if (!info.Exists)
        {
            throw ToolFailureException.Failed($"file not found: {path}", "not_found");
        }

        var result = new JsonObject
        {
            ["type"] = info is DirectoryInfo ? "directory" : "file",
            ["size"] = info is FileInfo f ? f.Length : 0L,
            ["readonly"] = info.Attributes.HasFlag(FileAttributes.ReadOnly),
            ["created"] = Iso(info.CreationTimeUtc),
            ["modified"] = Iso(info.LastWriteTimeUtc),
            ["accessed"] = Iso(info.LastAccessTimeUtc),
        };
        return ($"Retrieved metadata for {path}", result);
    }

    private (string, JsonObject) Exists()
    {
        var path = PathParam;
        var full = services.AdmitPath(path);
        var exists = File.Exists(full) || Directory.Exists(full);
        return (exists ? $"Path {path} exists" : $"Path {path} does not exist", new JsonObject { ["exists"] = exists });
    }

    private int MaxDepth => (int)services.Config.GetInt("tools.file_operations.max_depth", 10);

    private static int DirectoryDepth(string dir, int depth, int limit)
    {
        if (depth > limit)
        {
            return depth;
        }

        var max = depth;
        foreach (var sub in new DirectoryInfo(dir).EnumerateDirectories())
        {
            if (sub.LinkTarget is null)
            {
                max = Math.Max(max, DirectoryDepth(sub.FullName, depth + 1, limit));
            }
        }

        return max;
    }

    internal static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
