namespace LlmSpell.State.Sessions;

/// <summary>MIME types for <c>Artifact.store_file</c>, by file extension (the common ones; others fall back to content sniffing).</summary>
internal static class MimeTypes
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "text/plain",
        [".md"] = "text/markdown",
        [".json"] = "application/json",
        [".csv"] = "text/csv",
        [".html"] = "text/html",
        [".htm"] = "text/html",
        [".xml"] = "application/xml",
        [".yaml"] = "application/yaml",
        [".yml"] = "application/yaml",
        [".toml"] = "application/toml",
        [".lua"] = "text/x-lua",
        [".py"] = "text/x-python",
        [".js"] = "text/javascript",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".svg"] = "image/svg+xml",
        [".pdf"] = "application/pdf",
        [".zip"] = "application/zip",
        [".gz"] = "application/gzip",
        [".bin"] = "application/octet-stream",
    };

    public static string? FromExtension(string extension) => Known.GetValueOrDefault(extension);
}
