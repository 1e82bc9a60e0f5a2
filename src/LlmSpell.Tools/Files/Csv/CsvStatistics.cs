using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Files.Csv;

/// <summary>The analyze operation: per-column types and statistics.</summary>
internal static class CsvStatistics
{
    public static JsonObject Analyze(CsvTable table)
    {
        var columns = new JsonArray();
        for (var c = 0; c < table.Headers.Count; c++)
        {
            var values = table.Rows.Select(r => r[c]).ToList();
            var present = values.Where(v => v.Trim().Length > 0).ToList();
            var type = CsvValues.ColumnType(present);
            var column = new JsonObject
            {
                ["name"] = table.Headers[c],
                ["data_type"] = type,
                ["null_count"] = values.Count - present.Count,
                ["unique_count"] = present.Distinct(StringComparer.Ordinal).Count(),
            };
            if (type is "integer" or "float")
            {
                var numbers = present.Select(v => CsvValues.Number(v)!.Value).Order().ToList();
                column["min_value"] = Typed(numbers[0], type);
                column["max_value"] = Typed(numbers[^1], type);
                var mean = numbers.Average();
                column["mean"] = mean;
                column["median"] = numbers.Count % 2 == 1 ? numbers[numbers.Count / 2] : (numbers[(numbers.Count / 2) - 1] + numbers[numbers.Count / 2]) / 2;
                column["std_dev"] = numbers.Count > 1 ? Math.Sqrt(numbers.Sum(x => (x - mean) * (x - mean)) / (numbers.Count - 1)) : 0.0;
            }
            else
            {
                var ordered = present.Order(StringComparer.Ordinal).ToList();
                column["min_value"] = ordered.Count > 0 ? ordered[0] : null;
                column["max_value"] = ordered.Count > 0 ? ordered[^1] : null;
            }

            column["sample_values"] = new JsonArray([.. present.Distinct(StringComparer.Ordinal).Take(5).Select(v => (JsonNode?)JsonValue.Create(v))]);
            columns.Add((JsonNode)column);
        }

        return new JsonObject
        {
            ["row_count"] = table.Rows.Count,
            ["column_count"] = table.Headers.Count,
            ["delimiter"] = table.Delimiter.ToString(),
            ["has_headers"] = table.HasHeaders,
            ["encoding"] = table.Encoding,
            ["columns"] = columns,
            ["parse_errors"] = table.ParseErrors.DeepClone(),
        };
    }

    private static JsonNode Typed(double d, string type) => type == "integer" ? JsonValue.Create((long)d) : JsonValue.Create(d);
}
