using System.Text.Json.Nodes;

namespace LlmSpell.Diagnostics;

/// <summary>One captured Debug log entry.</summary>
public sealed record DebugEntry(DateTimeOffset Timestamp, LogLevel Level, string Message, string? Module, JsonNode? Data);
