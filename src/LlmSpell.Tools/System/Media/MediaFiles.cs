using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>Input admission shared by the media tools: sandbox, existence and tools.media.max_file_size.</summary>
internal static class MediaFiles
{
    /// <summary>The canonical path of an input file that exists, lies in the sandbox and is within the size limit.</summary>
    public static string AdmitInput(ToolServices services, string path)
    {
        var canonical = services.AdmitPath(path);
        if (!File.Exists(canonical))
        {
            throw ToolFailureException.Failed($"file '{path}' does not exist", "not_found");
        }

        services.CheckFileSize(canonical, services.Config.GetInt("tools.media.max_file_size", 500_000_000));
        return canonical;
    }

    /// <summary>Reads up to <paramref name="count"/> leading bytes; unreadable files raise.</summary>
    public static byte[] Head(string path, int count)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[Math.Min(count, stream.Length)];
            stream.ReadExactly(buffer);
            return buffer;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ToolFailureException.Failed($"cannot read file '{path}': {ex.Message}");
        }
    }

    /// <summary>Reads a whole file; unreadable files raise.</summary>
    public static byte[] ReadAll(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ToolFailureException.Failed($"cannot read file '{path}': {ex.Message}");
        }
    }
}
