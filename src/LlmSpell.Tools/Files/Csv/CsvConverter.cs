using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Tools.Infrastructure;
using MiniExcelLibs;

namespace LlmSpell.Tools.Files.Csv;

/// <summary>The convert operation (json, jsonl, tsv, csv, markdown, xlsx via MiniExcel).</summary>
internal static class CsvConverter
{
    public static JsonObject Convert(CsvTable table, JsonObject options)
    {
        var format = (options["format"]?.GetValue<string>() ?? "json").Trim().ToLowerInvariant();
        return format switch
        {
            "json" => new JsonObject { ["format"] = "json", ["data"] = new JsonArray([.. table.Rows.Select(r => (JsonNode?)RowObject(table, r))]) },
            "jsonl" => new JsonObject { ["format"] = "jsonl", ["data"] = string.Concat(table.Rows.Select(r => Jq.JqValues.ToJson(RowObject(table, r)) + "\n")) },
            "tsv" => new JsonObject { ["format"] = "tsv", ["data"] = CsvTable.Write(table.Headers, table.Rows, '\t') },
            "csv" => new JsonObject { ["format"] = "csv", ["data"] = CsvTable.Write(table.Headers, table.Rows, TargetDelimiter(options)) },
            "markdown" or "md" => new JsonObject { ["format"] = "markdown", ["data"] = Markdown(table) },
            "xlsx" => Xlsx(table),
            _ => throw ToolFailureException.Failed($"unsupported format '{format}' (supported: json, jsonl, tsv, csv, markdown, xlsx)", "unsupported"),
        };
    }

    public static JsonObject RowObject(CsvTable table, string[] row)
    {
        var o = new JsonObject();
        for (var i = 0; i < table.Headers.Count; i++)
        {
            o[table.Headers[i]] = CsvValues.ToJson(row[i]);
        }

        return o;
    }

    private static char TargetDelimiter(JsonObject options)
    {
        var d = options["target_delimiter"]?.GetValue<string>() ?? ",";
        return d is "\\t" or "tab" ? '\t' : d.Length == 1 ? d[0] : throw ToolFailureException.InvalidParameters($"parameter 'options.target_delimiter': expected one character, got '{d}'");
    }

    private static string Markdown(CsvTable table)
    {
        static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        var sb = new StringBuilder();
        sb.Append("| ").Append(string.Join(" | ", table.Headers.Select(Cell))).Append(" |\n");
        sb.Append('|').Append(string.Concat(table.Headers.Select(_ => " --- |"))).Append('\n');
        foreach (var row in table.Rows)
        {
            sb.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
        }

        return sb.ToString();
    }

    private static JsonObject Xlsx(CsvTable table)
    {
        var rows = table.Rows.Select(r =>
        {
            var d = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < table.Headers.Count; i++)
            {
                d[table.Headers[i]] = CsvValues.ToJson(r[i]) switch
                {
                    null => null,
                    JsonValue v when v.TryGetValue<long>(out var l) => l,
                    JsonValue v when v.TryGetValue<double>(out var dbl) => dbl,
                    JsonValue v when v.TryGetValue<bool>(out var b) => b,
                    _ => r[i],
                };
            }

            return d;
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows, printHeader: true, excelType: ExcelType.XLSX);
        var bytes = stream.ToArray();
        return new JsonObject { ["format"] = "xlsx", ["encoding"] = "base64", ["data"] = System.Convert.ToBase64String(bytes), ["size_bytes"] = bytes.Length };
    }
}
