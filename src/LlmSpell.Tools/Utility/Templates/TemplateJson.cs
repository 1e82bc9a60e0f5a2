using System.Collections;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fluid.Values;

namespace LlmSpell.Tools.Utility.Templates;

/// <summary>
/// JSON text for the values template engines hand to the <c>json</c> helper / <c>json_encode</c> filter:
/// the plain CLR model of <see cref="TemplateModel"/> (dictionaries, lists, strings, numbers, booleans)
/// and what Fluid turns it into (arrays, decimals, its dictionary wrapper).
/// </summary>
/// <remarks>
/// Written by hand with <see cref="Utf8JsonWriter"/> (default encoder, as <see cref="JsonSerializer"/>
/// used) because reflection-based serialization of <c>object</c> is unavailable under Native AOT.
/// Any other value is written as its text.
/// </remarks>
internal static class TemplateJson
{
    public static string Serialize(object? value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case float f:
                writer.WriteNumberValue(f);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            case FluidValue fluid:
                Write(writer, fluid.ToObjectValue());
                break;
            case IFluidIndexable table:
                // Fluid hands out its own wrapper for a dictionary: written as the object it wraps.
                writer.WriteStartObject();
                foreach (var key in table.Keys)
                {
                    writer.WritePropertyName(key);
                    Write(writer, table.TryGetValue(key, out var item) ? item : null);
                }

                writer.WriteEndObject();
                break;
            case IDictionary map:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
