using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmSpell.Scripting;

/// <summary>
/// Writes a script object the way the reflection serializer did: its type descriptor and display text.
/// Methods and field getters are delegates, which JSON cannot represent, so an object that has any
/// is refused (as before); never read.
/// </summary>
internal sealed class ScriptObjectJsonConverter : JsonConverter<ScriptObject>
{
    public override ScriptObject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("script objects cannot be read from JSON");

    public override void Write(Utf8JsonWriter writer, ScriptObject value, JsonSerializerOptions options)
    {
        var type = value.Type;
        if (type.Methods.Count > 0 || type.Fields.Count > 0)
        {
            throw new NotSupportedException($"script object '{type.Name}' has methods and cannot be written as JSON");
        }

        writer.WriteStartObject();
        writer.WriteStartObject("Type");
        writer.WriteString("Name", type.Name);
        writer.WriteBoolean("AllowDotForm", type.AllowDotForm);
        writer.WriteStartObject("Methods");
        writer.WriteEndObject();
        writer.WriteStartObject("Fields");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteString("DisplayText", value.DisplayText);
        writer.WriteEndObject();
    }
}
