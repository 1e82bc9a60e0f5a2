using System.Text.Json.Nodes;

// The namespace is "Sys", not "System": a namespace LlmSpell.Tools.System would shadow the BCL's
// System namespace for every type under LlmSpell.Tools.
namespace LlmSpell.Tools.Sys;

/// <summary>Short constructors for <see cref="ToolParameter"/> schemas of the system-area tools.</summary>
internal static class Param
{
    public static ToolParameter Str(string name, string description, bool required = false, string? def = null, string[]? aliases = null) =>
        new(name, "string", description, required, def is null ? null : JsonValue.Create(def), null, aliases);

    public static ToolParameter Enum(string name, string description, string[] values, bool required = false, string? def = null) =>
        new(name, "string", description, required, def is null ? null : JsonValue.Create(def), values);

    public static ToolParameter Int(string name, string description, bool required = false, long? def = null, string[]? aliases = null) =>
        new(name, "integer", description, required, def is null ? null : JsonValue.Create(def.Value), null, aliases);

    public static ToolParameter Num(string name, string description, double? def = null) =>
        new(name, "number", description, false, def is null ? null : JsonValue.Create(def.Value));

    public static ToolParameter Bool(string name, string description, bool? def = null) =>
        new(name, "boolean", description, false, def is null ? null : JsonValue.Create(def.Value));

    public static ToolParameter Array(string name, string description, bool required = false, string[]? aliases = null) =>
        new(name, "array", description, required, null, null, aliases);

    public static ToolParameter Obj(string name, string description) => new(name, "object", description);

    public static ToolParameter Any(string name, string description, bool required = false) => new(name, "any", description, required);
}
