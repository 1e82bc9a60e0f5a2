using System.Text.Json.Nodes;

namespace LlmSpell.Tools;

/// <summary>
/// One parameter of a tool's schema (exposed by <c>Tool.get(name).schema</c>, validated by the
/// invocation pipeline, advertised to models as JSON Schema).
/// </summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Type">"string", "integer", "number", "boolean", "array", "object" or "any".</param>
/// <param name="Description">Human description.</param>
/// <param name="Required">Whether the pipeline rejects calls without it.</param>
/// <param name="Default">Value applied when absent.</param>
/// <param name="Enum">Allowed values (compared case-insensitively after trimming), or null.</param>
/// <param name="Aliases">Other names accepted for this parameter (<c>url</c> for <c>input</c>).</param>
public sealed record ToolParameter(
    string Name,
    string Type,
    string Description,
    bool Required = false,
    JsonNode? Default = null,
    IReadOnlyList<string>? Enum = null,
    IReadOnlyList<string>? Aliases = null);
