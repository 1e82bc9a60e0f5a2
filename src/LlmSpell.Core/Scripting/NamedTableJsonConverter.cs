using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmSpell.Scripting;

/// <summary>Writes a named table as its record properties, <c>{"Table": ..., "DisplayName": ...}</c>; never read.</summary>
internal sealed class NamedTableJsonConverter : JsonConverter<NamedTable>
{
    public override NamedTable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("named tables cannot be read from JSON");

    public override void Write(Utf8JsonWriter writer, NamedTable value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("Table");
        value.Table.WriteTo(writer, options);
        writer.WriteString("DisplayName", value.DisplayName);
        writer.WriteEndObject();
    }
}
