using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Files;

/// <summary>file_watcher (tools.md §5.21): FileSystemWatcher on sandboxed paths; blocks until the timeout or max_events.</summary>
internal sealed class FileWatcherTool(ToolServices services) : ITool
{
    private const int MaxPaths = 100;
    private const long MaxTimeoutMs = 300_000;

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "file_watcher",
        Description = "Watch files or directories for create, modify, delete and rename events",
        Category = "filesystem",
        SecurityLevel = "restricted",
        DefaultTimeout = TimeSpan.FromSeconds(310),
        Parameters =
        [
            new("operation", "string", "watch or config", Required: true, Enum: ["watch", "config"]),
            new("input", "array", "Paths to watch (≤ 100, sandboxed)", Aliases: ["paths"]),
            new("recursive", "boolean", "Watch subdirectories", Default: true),
            new("pattern", "string", "Glob on file names (e.g. *.txt)"),
            new("event_types", "array", "create, modify, delete, rename (default all)"),
            new("debounce_ms", "integer", "Coalesce repeated events on one path", Default: 100L),
            new("timeout_ms", "integer", "How long to watch (max 300000)", Default: 30_000L),
            new("timeout_seconds", "integer", "Alternative to timeout_ms"),
            new("max_events", "integer", "Stop after this many events", Default: 1000L),
        ],
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var op = request.Operation ?? throw ToolFailureException.InvalidParameters("missing required parameter 'operation'");
        if (op == "config")
        {
            return Envelope.Success("config", "File watcher configuration", new JsonObject { ["max_events"] = 1000, ["default_timeout_ms"] = 30_000, ["default_debounce_ms"] = 100, ["max_paths"] = MaxPaths });
        }

        if (op != "watch")
        {
            throw ToolFailureException.InvalidParameters($"parameter 'operation': expected one of watch, config, got '{op}'");
        }

        var paths = (request.Array("input") ?? request.Array("paths"))?.Select(p => p?.ToString() ?? "").ToList()
            ?? (request.String("input") is { } one ? [one] : throw ToolFailureException.InvalidParameters("missing required parameter 'input'"));
        if (paths.Count is 0 or > MaxPaths)
        {
            throw ToolFailureException.InvalidParameters($"parameter 'input': expected 1 to {MaxPaths} paths, got {paths.Count}");
        }

        var types = request.Array("event_types")?.Select(t => t?.ToString().ToLowerInvariant() ?? "").ToHashSet() ?? ["create", "modify", "delete", "rename"];
        foreach (var t in types.Where(t => t is not ("create" or "modify" or "delete" or "rename")))
        {
            throw ToolFailureException.InvalidParameters($"parameter 'event_types': unknown event type '{t}' (expected create, modify, delete, rename)");
        }

        var timeoutMs = request.Integer("timeout_ms") ?? (request.Integer("timeout_seconds") is { } s ? s * 1000 : 30_000);
        timeoutMs = Math.Clamp(timeoutMs, 0, MaxTimeoutMs);
        var maxEvents = (int)Math.Max(1, request.Integer("max_events") ?? 1000);
        var collector = new WatchEventCollector(services.Time, types, TimeSpan.FromMilliseconds(Math.Max(0, request.Integer("debounce_ms") ?? 100)), maxEvents);
        var watchers = new List<FileSystemWatcher>();
        try
        {
            foreach (var path in paths)
            {
                var full = services.AdmitPath(path);
                var isFile = File.Exists(full);
                if (!isFile && !Directory.Exists(full))
                {
                    throw ToolFailureException.Failed($"path not found: {path}", "not_found");
                }

                var watcher = new FileSystemWatcher(isFile ? Path.GetDirectoryName(full)! : full)
                {
                    Filter = isFile ? Path.GetFileName(full) : request.String("pattern") ?? "*",
                    IncludeSubdirectories = !isFile && request.Flag("recursive", true),
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                };
                collector.Attach(watcher);
                watcher.EnableRaisingEvents = true;
                watchers.Add(watcher);
            }

            var timedOut = await collector.WaitAsync(TimeSpan.FromMilliseconds(timeoutMs), cancellationToken).ConfigureAwait(false);
            var events = collector.Snapshot();
            var result = new JsonObject { ["events"] = events, ["event_count"] = events.Count, ["timed_out"] = timedOut };
            return Envelope.Success("watch", $"Captured {events.Count} events", result);
        }
        finally
        {
            foreach (var w in watchers)
            {
                w.Dispose();
            }
        }
    }
}
