using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Values;

namespace LlmSpell.Tools.Sys.Data;

/// <summary>Maps between the neutral JSON value model and ADO.NET values (tools.md §5.37 type mapping).</summary>
internal static class DbValues
{
    /// <summary>A bound parameter value; tables are refused (they have no SQL meaning).</summary>
    public static object ToDb(JsonNode? node) => JsonValues.Classify(node) switch
    {
        ValueKind.Null => DBNull.Value,
        ValueKind.Boolean => JsonValues.AsBool(node)!.Value,
        ValueKind.Integer => JsonValues.AsInteger(node)!.Value,
        ValueKind.Float => JsonValues.AsDouble(node)!.Value,
        ValueKind.String => JsonValues.AsString(node)!,
        _ => throw ToolFailureException.InvalidParameters("parameter 'params': values must be strings, numbers, booleans or nil"),
    };

    /// <summary>A column value as JSON; null for SQL NULL (the caller omits the key).</summary>
    public static JsonNode? FromDb(object? value) => value switch
    {
        null or DBNull => null,
        bool b => JsonValue.Create(b),
        byte or sbyte or short or ushort or int or uint or long => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        ulong u => u <= long.MaxValue ? JsonValue.Create((long)u) : JsonValue.Create((double)u),
        float f => JsonValue.Create((double)f),
        double d => JsonValue.Create(d),
        decimal m when m == decimal.Truncate(m) && m >= long.MinValue && m <= long.MaxValue => JsonValue.Create((long)m),
        decimal m => JsonValue.Create((double)m),
        string s => JsonValue.Create(s),
        byte[] bytes => JsonValue.Create(Convert.ToBase64String(bytes)),
        DateTime dt => JsonValue.Create(Rfc3339(dt)),
        DateTimeOffset dto => JsonValue.Create(dto.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        DateOnly date => JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TimeOnly time => JsonValue.Create(time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        TimeSpan span => JsonValue.Create(span.ToString("c", CultureInfo.InvariantCulture)),
        Guid g => JsonValue.Create(g.ToString()),
        Array array => new JsonArray([.. array.Cast<object?>().Select(FromDb)]),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>Reads up to <paramref name="maxRows"/> rows; the bool is true when more were available.</summary>
    public static async Task<(JsonArray Columns, JsonArray Rows, bool Truncated)> ReadAsync(DbDataReader reader, long maxRows, CancellationToken ct)
    {
        var columns = new JsonArray();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            columns.Add((JsonNode)new JsonObject { ["name"] = reader.GetName(i), ["type"] = reader.GetDataTypeName(i) });
        }

        var rows = new JsonArray();
        var truncated = false;
        while (await reader.ReadAsync(ct))
        {
            if (rows.Count >= maxRows)
            {
                truncated = true;
                break;
            }

            var row = new JsonObject();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.IsDBNull(i) ? null : FromDb(reader.GetValue(i));
                if (value is not null)
                {
                    row[reader.GetName(i)] = value;
                }
            }

            rows.Add((JsonNode)row);
        }

        return (columns, rows, truncated);
    }

    private static string Rfc3339(DateTime dt) => dt.Kind switch
    {
        DateTimeKind.Local => dt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),

        // Values without a zone (timestamp without time zone) are reported as UTC: RFC 3339 needs an offset.
        _ => dt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
    };
}
