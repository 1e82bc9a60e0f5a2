using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;

namespace LlmSpell.Tools.Files.Csv;

/// <summary>A parsed CSV document: header names, rows and how it was read (delimiter, headers, encoding).</summary>
internal sealed class CsvTable
{
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    public required List<string> Headers { get; init; }

    public required List<string[]> Rows { get; init; }

    public required char Delimiter { get; init; }

    public required bool HasHeaders { get; init; }

    public string Encoding { get; init; } = "utf-8";

    public JsonArray ParseErrors { get; init; } = [];

    /// <summary>Parses <paramref name="text"/>; options.delimiter and options.has_headers override detection.</summary>
    public static CsvTable Parse(string text, JsonObject options, string encoding)
    {
        var delimiter = options["delimiter"]?.GetValue<string>() is { Length: > 0 } d ? (d == "\\t" ? '\t' : d[0]) : DetectDelimiter(text);
        var errors = new JsonArray();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            HasHeaderRecord = false,
            BadDataFound = args => errors.Add((JsonNode)new JsonObject { ["row"] = args.Context.Parser?.Row ?? 0, ["error"] = "bad data: " + args.RawRecord.TrimEnd() }),
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
        var records = new List<string[]>();
        using (var reader = new StringReader(text))
        using (var parser = new CsvParser(reader, config))
        {
            while (parser.Read())
            {
                if (parser.Record is { } rec && !(rec.Length == 1 && rec[0].Length == 0))
                {
                    records.Add(rec);
                }
            }
        }

        var hasHeaders = options["has_headers"] is JsonValue hv && hv.TryGetValue<bool>(out var h) ? h : DetectHeaders(records);
        var width = records.Count == 0 ? 0 : records.Max(r => r.Length);
        List<string> headers = hasHeaders && records.Count > 0
            ? [.. Enumerable.Range(0, width).Select(i => i < records[0].Length && records[0][i].Length > 0 ? records[0][i].Trim() : $"column_{i + 1}")]
            : [.. Enumerable.Range(0, width).Select(i => $"column_{i + 1}")];
        var rows = (hasHeaders ? records.Skip(1) : records).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != width)
            {
                errors.Add((JsonNode)new JsonObject { ["row"] = i + 1, ["error"] = $"expected {width} fields, found {rows[i].Length}" });
                var padded = new string[width];
                for (var j = 0; j < width; j++)
                {
                    padded[j] = j < rows[i].Length ? rows[i][j] : "";
                }

                rows[i] = padded;
            }
        }

        return new CsvTable { Headers = headers, Rows = rows, Delimiter = delimiter, HasHeaders = hasHeaders, Encoding = encoding, ParseErrors = errors };
    }

    /// <summary>The candidate that appears with the same non-zero count on the most of the first lines.</summary>
    public static char DetectDelimiter(string text)
    {
        var lines = text.Split('\n').Take(20).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0)
        {
            return ',';
        }

        var best = ',';
        var bestScore = -1.0;
        foreach (var c in Candidates)
        {
            var counts = lines.Select(l => l.Count(ch => ch == c)).ToList();
            if (counts[0] == 0)
            {
                continue;
            }

            var consistent = counts.Count(n => n == counts[0]);
            var score = consistent * 1000.0 + counts[0];
            if (score > bestScore)
            {
                (best, bestScore) = (c, score);
            }
        }

        return best;
    }

    /// <summary>Headers when the first row is all non-empty, distinct, non-numeric text, and (with more rows) some later value is numeric or the row differs in kind.</summary>
    private static bool DetectHeaders(List<string[]> records)
    {
        if (records.Count == 0)
        {
            return false;
        }

        var first = records[0];
        if (first.Any(f => f.Trim().Length == 0 || CsvValues.IsNumber(f)) || first.Distinct().Count() != first.Length)
        {
            return false;
        }

        return true;
    }

    /// <summary>Decodes bytes (BOM detection; UTF-8 otherwise) and names the encoding.</summary>
    public static (string Text, string Encoding) Decode(byte[] bytes, string? requested)
    {
        if (requested is { Length: > 0 })
        {
            var enc = requested.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal) switch
            {
                "utf8" => System.Text.Encoding.UTF8,
                "utf16" or "utf16le" => System.Text.Encoding.Unicode,
                "utf16be" => System.Text.Encoding.BigEndianUnicode,
                "latin1" or "iso88591" => System.Text.Encoding.Latin1,
                "ascii" => System.Text.Encoding.ASCII,
                _ => throw Infrastructure.ToolFailureException.InvalidParameters($"parameter 'options.encoding': unsupported encoding '{requested}'"),
            };
            return (enc.GetString(bytes).TrimStart('\uFEFF'), requested);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return (System.Text.Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), "utf-16le");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return (System.Text.Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), "utf-16be");
        }

        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        try
        {
            var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
            return (strict.GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0)), hasBom ? "utf-8-bom" : "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (System.Text.Encoding.Latin1.GetString(bytes), "iso-8859-1");
        }
    }

    /// <summary>Writes rows as delimited text (quoted as needed).</summary>
    public static string Write(IReadOnlyList<string> headers, IEnumerable<string[]> rows, char delimiter, bool writeHeaders = true)
    {
        using var writer = new StringWriter();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter.ToString(), NewLine = "\n" };
        using (var csv = new CsvWriter(writer, config))
        {
            if (writeHeaders)
            {
                foreach (var h in headers)
                {
                    csv.WriteField(h);
                }

                csv.NextRecord();
            }

            foreach (var row in rows)
            {
                foreach (var f in row)
                {
                    csv.WriteField(f);
                }

                csv.NextRecord();
            }
        }

        return writer.ToString();
    }

    public int IndexOf(string column)
    {
        var i = Headers.FindIndex(h => string.Equals(h, column, StringComparison.Ordinal));
        if (i < 0)
        {
            i = Headers.FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        }

        return i >= 0 ? i : throw Infrastructure.ToolFailureException.Failed($"unknown column '{column}' (columns: {string.Join(", ", Headers)})");
    }
}
