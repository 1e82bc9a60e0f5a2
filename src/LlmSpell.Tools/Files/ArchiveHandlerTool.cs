using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Files.Archives;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Files;

/// <summary>archive_handler (tools.md §5.17): zip via System.IO.Compression, tar/tar.gz via System.Formats.Tar, gz.</summary>
internal sealed class ArchiveHandlerTool(ToolServices services) : ITool
{
    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "archive_handler",
        Description = "List, extract and create zip, tar, tar.gz and gz archives inside the file sandbox",
        Category = "filesystem",
        SecurityLevel = "restricted",
        Parameters =
        [
            new("operation", "string", "extract, create or list", Required: true, Enum: ["extract", "create", "list"]),
            new("path", "string", "Archive file (sandboxed)", Required: true, Aliases: ["archive_path"]),
            new("target_path", "string", "Destination directory for extract (sandboxed, created)"),
            new("input", "array", "Files/directories to add (create)", Aliases: ["files"]),
            new("format", "string", "zip, tar, tar.gz or gz (default: from the extension)"),
            new("overwrite", "boolean", "Replace existing files", Default: false),
        ],
    };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var op = request.Operation ?? throw ToolFailureException.InvalidParameters("missing required parameter 'operation'");
        var path = request.String("path") ?? request.String("archive_path") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'path'");
        var format = ArchiveFormats.Detect(path, request.String("format"));
        return Task.FromResult(op switch
        {
            "list" => List(path, format),
            "extract" => Extract(request, path, format, cancellationToken),
            "create" => Create(request, path, format),
            _ => throw ToolFailureException.InvalidParameters($"parameter 'operation': expected one of extract, create, list, got '{op}'"),
        });
    }

    private string AdmitArchive(string path)
    {
        var full = services.AdmitPath(path);
        if (!File.Exists(full))
        {
            throw ToolFailureException.Failed($"file not found: {path}", "not_found");
        }

        return full;
    }

    private ComponentOutput List(string path, string format)
    {
        var entries = ArchiveFormats.Read(AdmitArchive(path), format);
        var files = new JsonArray();
        foreach (var e in entries)
        {
            var o = new JsonObject { ["name"] = e.Name, ["size"] = e.Size };
            if (e.CompressedSize is { } c)
            {
                o["compressed_size"] = c;
            }

            o["is_dir"] = e.IsDirectory;
            if (e.Modified is { } m)
            {
                o["modified"] = FileOperationsRunner.Iso(m.UtcDateTime);
            }

            files.Add((JsonNode)o);
        }

        var result = new JsonObject { ["format"] = format, ["files"] = files, ["file_count"] = entries.Count(e => !e.IsDirectory), ["total_size"] = entries.Sum(e => e.Size) };
        return Envelope.Success("list", $"Archive contains {entries.Count} entries", result);
    }

    private ComponentOutput Extract(ToolRequest request, string path, string format, CancellationToken ct)
    {
        var full = AdmitArchive(path);
        var target = request.String("target_path") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'target_path'");
        var targetFull = services.AdmitPath(target);
        var overwrite = request.Flag("overwrite");

        // First pass: names, counts, sizes and ratios, and every destination, before anything is written.
        var entries = ArchiveFormats.Read(full, format);
        ArchiveLimits.Check(entries);
        foreach (var e in entries.Where(e => !e.IsLink))
        {
            var dest = services.AdmitPath(Path.Combine(targetFull, e.Name));
            if (!e.IsDirectory)
            {
                services.AdmitWritePath(dest);
                if (File.Exists(dest) && !overwrite)
                {
                    throw ToolFailureException.Failed($"'{Path.Combine(target, e.Name)}' already exists; set overwrite = true");
                }
            }
        }

        Directory.CreateDirectory(targetFull);
        var extracted = new JsonArray();
        long total = 0;
        ArchiveFormats.Read(full, format, (entry, stream) =>
        {
            ct.ThrowIfCancellationRequested();
            if (entry.IsLink)
            {
                return;
            }

            var dest = SafeFileWriter.PrepareDestination(services, Path.Combine(targetFull, entry.Name));
            var temp = Path.Combine(Path.GetDirectoryName(dest)!, $".{Path.GetFileName(dest)}.{Guid.NewGuid():N}.tmp");
            try
            {
                using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                {
                    total += ArchiveLimits.CopyBounded(stream, output, Math.Min(ArchiveLimits.MaxEntrySize, ArchiveLimits.MaxTotalSize - total), entry.Name);
                }

                File.Move(temp, dest, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }

            extracted.Add((JsonNode?)Path.Combine(target, entry.Name));
        });
        foreach (var dir in entries.Where(e => e.IsDirectory))
        {
            Directory.CreateDirectory(services.AdmitPath(Path.Combine(targetFull, dir.Name)));
        }

        var result = new JsonObject { ["output_dir"] = target, ["extracted_files"] = extracted, ["file_count"] = extracted.Count, ["total_size"] = total };
        return Envelope.Success("extract", $"Extracted {extracted.Count} files ({total} bytes) to {target}", result);
    }

    private ComponentOutput Create(ToolRequest request, string path, string format)
    {
        var inputs = (request.Array("input") ?? request.Array("files"))?.Select(n => n?.ToString() ?? "").ToList()
            ?? (request.String("input") is { } single ? [single] : throw ToolFailureException.InvalidParameters("missing required parameter 'input'"));
        if (inputs.Count == 0)
        {
            throw ToolFailureException.InvalidParameters("parameter 'input': at least one file is required");
        }

        var destination = SafeFileWriter.PrepareDestination(services, path);
        if (File.Exists(destination) && !request.Flag("overwrite"))
        {
            throw ToolFailureException.Failed($"'{path}' already exists; set overwrite = true");
        }

        var files = ArchiveWriter.Collect(services, inputs, (int)services.Config.GetInt("tools.file_operations.max_depth", 10));
        var total = files.Sum(f => new FileInfo(f.Full).Length);
        ArchiveWriter.Write(destination, format, files);
        var result = new JsonObject { ["archive_path"] = path, ["format"] = format, ["file_count"] = files.Count, ["total_size"] = total, ["archive_size"] = new FileInfo(destination).Length };
        return Envelope.Success("create", $"Created archive with {files.Count} files ({total} bytes)", result);
    }
}
