using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Files.Jq;

/// <summary>A jq run-time error (catchable with <c>try</c>); <see cref="Value"/> is what <c>catch</c> receives.</summary>
internal sealed class JqException : Exception
{
    public JqException(JsonNode? value)
        : base(value is JsonValue v && v.TryGetValue<string>(out var s) ? s : JqValues.ToJson(value) + " (not a string)")
    {
        Value = value;
    }

    public JqException(string message)
        : this(JsonValue.Create(message))
    {
    }

    public JsonNode? Value { get; }
}
