using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Files;

/// <summary>The walk and per-file matching of file_search.</summary>
internal sealed class FileSearcher(ToolServices services, ToolRequest request, Regex regex, int context, int maxDepth, CancellationToken ct)
{
    private readonly HashSet<string> _include = request.Array("include_extensions") is { } inc ? Extensions(inc) : [.. FileSearchTool.DefaultExtensions];
    private readonly HashSet<string> _exclude = Extensions(request.Array("exclude_extensions"));
    private readonly HashSet<string> _excludeDirs = [.. request.Array("exclude_dirs")?.Select(n => n?.ToString() ?? "") ?? [".git", "node_modules", "target", "bin", "obj"]];
    private readonly long _maxSize = request.Integer("max_file_size") ?? 10_485_760;
    private readonly int _maxPerFile = (int)(request.Integer("max_matches_per_file") ?? 0);

    public JsonArray Matches { get; } = [];

    public JsonArray Skipped { get; } = [];

    public int FilesSearched { get; private set; }

    public int FilesWithMatches { get; private set; }

    private static HashSet<string> Extensions(JsonArray? list) =>
        list is null ? [] : [.. list.Select(n => (n?.ToString() ?? "").TrimStart('.').ToLowerInvariant())];

    public void SearchDirectory(string dir, int depth)
    {
        IEnumerable<FileSystemInfo> children;
        try
        {
            children = new DirectoryInfo(dir).EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        }
        catch (UnauthorizedAccessException)
        {
            Skip(dir, "permission denied");
            return;
        }

        foreach (var info in children)
        {
            ct.ThrowIfCancellationRequested();
            if (services.Sandbox.Check(info.FullName, out _) is not null)
            {
                Skip(info.FullName, "outside the allowed paths");
                continue;
            }

            if (info is DirectoryInfo)
            {
                if (request.Flag("recursive") && depth < maxDepth && !_excludeDirs.Contains(info.Name) && info.LinkTarget is null)
                {
                    SearchDirectory(info.FullName, depth + 1);
                }

                continue;
            }

            SearchFile(info.FullName, explicitFile: false);
        }
    }

    public void SearchFile(string file, bool explicitFile)
    {
        var ext = Path.GetExtension(file).TrimStart('.').ToLowerInvariant();
        if (!explicitFile && (_exclude.Contains(ext) || (_include.Count > 0 && !_include.Contains(ext))))
        {
            return;
        }

        var info = new FileInfo(file);
        if (info.Length > _maxSize)
        {
            Skip(file, $"file is {info.Length} bytes, larger than max_file_size {_maxSize}");
            return;
        }

        string[] lines;
        try
        {
            var bytes = File.ReadAllBytes(file);
            if (Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, 8000)) >= 0)
            {
                Skip(file, "binary file");
                return;
            }

            lines = Encoding.UTF8.GetString(bytes).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Skip(file, "unreadable: " + ex.Message);
            return;
        }

        FilesSearched++;
        var found = 0;
        var deadline = Environment.TickCount64 + 1000;
        try
        {
            for (var i = 0; i < lines.Length; i++)
            {
                if (Environment.TickCount64 > deadline)
                {
                    throw new RegexMatchTimeoutException();
                }

                foreach (Match m in regex.Matches(lines[i]))
                {
                    Matches.Add((JsonNode)new JsonObject
                    {
                        ["file_path"] = file,
                        ["line_number"] = i + 1,
                        ["column_number"] = m.Index + 1,
                        ["line_content"] = lines[i],
                        ["matched_text"] = m.Value,
                        ["context_before"] = new JsonArray([.. lines[Math.Max(0, i - context)..i].Select(l => (JsonNode?)JsonValue.Create(l))]),
                        ["context_after"] = new JsonArray([.. lines[(i + 1)..Math.Min(lines.Length, i + 1 + context)].Select(l => (JsonNode?)JsonValue.Create(l))]),
                    });
                    if (++found == _maxPerFile)
                    {
                        break;
                    }
                }

                if (found == _maxPerFile && _maxPerFile > 0)
                {
                    break;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            Skip(file, "regex timed out (1 s per file)");
        }

        if (found > 0)
        {
            FilesWithMatches++;
        }
    }

    private void Skip(string file, string reason) => Skipped.Add((JsonNode)new JsonObject { ["file_path"] = file, ["reason"] = reason });
}
