namespace LlmSpell.Tools.Files.Archives;

/// <summary>One archive member as seen before extraction.</summary>
internal sealed record ArchiveEntry(string Name, long Size, long? CompressedSize, bool IsDirectory, DateTimeOffset? Modified, bool IsLink = false);
