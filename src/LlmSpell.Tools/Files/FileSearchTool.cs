using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Files;

/// <summary>file_search (tools.md §5.20): text or regex search with context lines; every visited file is admitted by the sandbox.</summary>
internal sealed class FileSearchTool(ToolServices services) : ITool
{
    internal static readonly string[] DefaultExtensions = ["txt", "md", "rs", "py", "js", "ts", "java", "cs", "cpp", "c", "h", "json", "xml", "yaml", "yml", "toml", "ini", "cfg", "conf", "log", "lua", "sql", "html", "css"];
    private static readonly string[] DefaultExcludedDirs = [".git", "node_modules", "target", "bin", "obj"];

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "file_search",
        Description = "Search files for text or a regular expression, with context lines",
        Category = "filesystem",
        SecurityLevel = "restricted",
        Parameters =
        [
            new("pattern", "string", "Text or regex (non-empty)", Required: true),
            new("path", "string", "File or directory (sandboxed)", Required: true),
            new("recursive", "boolean", "Descend into directories", Default: false),
            new("case_sensitive", "boolean", "Case-sensitive matching", Default: true),
            new("use_regex", "boolean", ".NET regex (1 s timeout per file)", Default: false),
            new("context_lines", "integer", "Lines of context (0..50)", Default: 2L),
            new("include_extensions", "array", "Extensions to search", Default: new JsonArray([.. DefaultExtensions.Select(e => (JsonNode?)JsonValue.Create(e))])),
            new("exclude_extensions", "array", "Extensions to skip", Default: new JsonArray()),
            new("exclude_dirs", "array", "Directory names to skip", Default: new JsonArray([.. DefaultExcludedDirs.Select(e => (JsonNode?)JsonValue.Create(e))])),
            new("max_file_size", "integer", "Larger files are skipped", Default: 10_485_760L),
            new("max_matches_per_file", "integer", "0 = unlimited", Default: 0L),
            new("max_depth", "integer", "Recursion depth (≤ 100)", Default: 20L),
        ],
    };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var pattern = request.RequireString("pattern");
        if (pattern.Length == 0)
        {
            throw ToolFailureException.InvalidParameters("parameter 'pattern': must not be empty");
        }

        var path = request.RequireString("path");
        var context = (int)(request.Integer("context_lines") ?? 2);
        var maxDepth = (int)(request.Integer("max_depth") ?? 20);
        if (context is < 0 or > 50)
        {
            throw ToolFailureException.InvalidParameters($"parameter 'context_lines': expected 0..50, got {context}");
        }

        if (maxDepth is < 0 or > 100)
        {
            throw ToolFailureException.InvalidParameters($"parameter 'max_depth': expected at most 100, got {maxDepth}");
        }

        var options = request.Flag("case_sensitive", true) ? RegexOptions.None : RegexOptions.IgnoreCase;
        Regex regex;
        try
        {
            regex = new Regex(request.Flag("use_regex") ? pattern : Regex.Escape(pattern), options, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw ToolFailureException.InvalidParameters($"parameter 'pattern': invalid regular expression: {ex.Message}");
        }

        var root = services.AdmitPath(path);
        var search = new FileSearcher(services, request, regex, context, maxDepth, cancellationToken);
        if (File.Exists(root))
        {
            search.SearchFile(root, explicitFile: true);
        }
        else if (Directory.Exists(root))
        {
            search.SearchDirectory(root, 0);
        }
        else
        {
            throw ToolFailureException.Failed($"path not found: {path}", "not_found");
        }

        var total = search.Matches.Count;
        var result = new JsonObject
        {
            ["matches"] = search.Matches,
            ["summary"] = new JsonObject { ["total_matches"] = total, ["files_searched"] = search.FilesSearched, ["files_skipped"] = search.Skipped.Count, ["has_matches"] = total > 0 },
            ["skipped_files"] = search.Skipped,
        };
        var message = total > 0 ? $"Found {total} matches across {search.FilesWithMatches} files" : $"No matches found in {search.FilesSearched} files searched";
        return Task.FromResult(Envelope.Success("search", message, result));
    }
}
