using System.Text.Json.Nodes;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Files;

/// <summary>copy and move.</summary>
internal sealed partial class FileOperationsRunner
{
    private (string, JsonObject) Copy(CancellationToken ct)
    {
        var (source, target) = (request.String("source_path") ?? PathParam, request.RequireString("target_path"));
        var src = services.AdmitPath(source);
        var overwrite = request.Flag("overwrite", true);
        if (File.Exists(src))
        {
            services.CheckFileSize(src);
            var dest = SafeFileWriter.PrepareDestination(services, target);
            if (Directory.Exists(dest))
            {
                dest = SafeFileWriter.PrepareDestination(services, Path.Combine(target, Path.GetFileName(src)));
            }

            if (File.Exists(dest) && !overwrite)
            {
                throw ToolFailureException.Failed($"target already exists: {target}; set overwrite = true");
            }

            SafeFileWriter.CopyResolved(src, dest);
            return ($"Copied {source} to {target}", new JsonObject { ["source"] = source, ["target"] = target });
        }

        if (!Directory.Exists(src))
        {
            throw ToolFailureException.Failed($"file not found: {source}", "not_found");
        }

        if (!request.Flag("recursive"))
        {
            throw ToolFailureException.Failed($"'{source}' is a directory; set recursive = true");
        }

        var targetFull = services.AdmitPath(target);
        CopyTree(src, target, targetFull, 0, overwrite, ct);
        return ($"Copied {source} to {target}", new JsonObject { ["source"] = source, ["target"] = target });
    }

    private void CopyTree(string src, string targetGiven, string targetFull, int depth, bool overwrite, CancellationToken ct)
    {
        if (depth > MaxDepth)
        {
            throw ToolFailureException.Failed($"directory tree is deeper than max_depth {MaxDepth}");
        }

        Directory.CreateDirectory(targetFull);
        services.AdmitPath(targetFull);
        foreach (var info in new DirectoryInfo(src).EnumerateFileSystemInfos())
        {
            ct.ThrowIfCancellationRequested();
            var destGiven = Path.Combine(targetGiven, info.Name);
            if (info.LinkTarget is not null)
            {
                continue; // Links are not followed: their targets may lie outside the sandbox.
            }

            if (info is DirectoryInfo)
            {
                CopyTree(info.FullName, destGiven, Path.Combine(targetFull, info.Name), depth + 1, overwrite, ct);
                continue;
            }

            var dest = SafeFileWriter.PrepareDestination(services, destGiven);
            if (File.Exists(dest) && !overwrite)
            {
                throw ToolFailureException.Failed($"target already exists: {destGiven}; set overwrite = true");
            }

            SafeFileWriter.CopyResolved(info.FullName, dest);
        }
    }

    private (string, JsonObject) Move()
    {
        var (source, target) = (request.String("source_path") ?? PathParam, request.RequireString("target_path"));
        var src = services.AdmitPath(source);
        var overwrite = request.Flag("overwrite", true);
        if (File.Exists(src))
        {
            var dest = SafeFileWriter.PrepareDestination(services, target);
            if (File.Exists(dest) && !overwrite)
            {
                throw ToolFailureException.Failed($"target already exists: {target}; set overwrite = true");
            }

            File.Move(src, dest, overwrite);
        }
        else if (Directory.Exists(src))
        {
            var dest = services.AdmitPath(target);
            if (Directory.Exists(dest) || File.Exists(dest))
            {
                throw ToolFailureException.Failed($"target already exists: {target}");
            }

            Directory.Move(src, dest);
        }
        else
        {
            throw ToolFailureException.Failed($"file not found: {source}", "not_found");
        }

        return ($"Moved {source} to {target}", new JsonObject { ["source"] = source, ["target"] = target });
    }
}
