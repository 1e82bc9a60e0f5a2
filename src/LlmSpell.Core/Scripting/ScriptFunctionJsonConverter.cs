using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmSpell.Scripting;

/// <summary>Writes a script function as its only public property, <c>{"Location": ...}</c>; never read.</summary>
internal sealed class ScriptFunctionJsonConverter : JsonConverter<IScriptFunction>
{
    public override IScriptFunction Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("script functions cannot be read from JSON");

    public override void Write(Utf8JsonWriter writer, IScriptFunction value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("Location", value.Location);
        writer.WriteEndObject();
    }
}
