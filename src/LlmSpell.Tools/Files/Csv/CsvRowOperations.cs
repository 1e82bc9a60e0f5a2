using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Files.Csv;

/// <summary>filter, transform, validate and sample.</summary>
internal static partial class CsvRowOperations
{
    [GeneratedRegex("""^\s*("[^"]+"|'[^']+'|.+?)\s*(==|!=|>=|<=|>|<|\bcontains\b)\s*(.*?)\s*$""")]
    private static partial Regex FilterPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    public static JsonObject Filter(CsvTable table, JsonObject options)
    {
        var expr = options["filter"]?.GetValue<string>() ?? throw ToolFailureException.InvalidParameters("missing required parameter 'options.filter'");
        var m = FilterPattern().Match(expr);
        if (!m.Success)
        {
            throw ToolFailureException.InvalidParameters($"parameter 'options.filter': expected '<column> <op> <value>', got '{expr}'");
        }

        var column = table.IndexOf(Unquote(m.Groups[1].Value));
        var op = m.Groups[2].Value;
        var value = Unquote(m.Groups[3].Value);
        var rows = table.Rows.Where(r => Matches(r[column], op, value)).ToList();
        return new JsonObject { ["csv"] = CsvTable.Write(table.Headers, rows, table.Delimiter), ["row_count"] = rows.Count };
    }

    private static string Unquote(string s) =>
        s.Length >= 2 && (s[0] is '"' or '\'') && s[^1] == s[0] ? s[1..^1] : s;

    private static bool Matches(string cell, string op, string value)
    {
        if (op == "contains")
        {
            return cell.Contains(value, StringComparison.Ordinal);
        }

        var cmp = CsvValues.Number(cell) is { } a && CsvValues.Number(value) is { } b ? a.CompareTo(b) : string.CompareOrdinal(cell, value);
        return op switch
        {
            "==" => cmp == 0,
            "!=" => cmp != 0,
            ">" => cmp > 0,
            "<" => cmp < 0,
            ">=" => cmp >= 0,
            _ => cmp <= 0,
        };
    }

    public static JsonObject Transform(CsvTable table, JsonObject options)
    {
        var headers = table.Headers.ToList();
        var rows = table.Rows.Select(r => r.ToList()).ToList();
        if (options["add_columns"] is JsonObject add)
        {
            foreach (var (name, exprNode) in add)
            {
                var expr = exprNode?.GetValue<string>() ?? throw ToolFailureException.InvalidParameters($"parameter 'options.add_columns.{name}': expected an expression");
                var current = headers.ToList();
                foreach (var row in rows)
                {
                    row.Add(CsvValues.Format(CsvExpression.Evaluate(expr, col => ColumnValue(current, row, col))));
                }

                headers.Add(name);
            }
        }

        if (options["drop_columns"] is JsonArray drop)
        {
            foreach (var name in drop.Select(d => d?.GetValue<string>() ?? ""))
            {
                var i = headers.IndexOf(name);
                if (i < 0)
                {
                    throw ToolFailureException.Failed($"unknown column '{name}' (columns: {string.Join(", ", headers)})");
                }

                headers.RemoveAt(i);
                rows.ForEach(r => r.RemoveAt(i));
            }
        }

        if (options["rename_columns"] is JsonObject rename)
        {
            foreach (var (from, to) in rename)
            {
                var i = headers.IndexOf(from);
                if (i < 0)
                {
                    throw ToolFailureException.Failed($"unknown column '{from}' (columns: {string.Join(", ", headers)})");
                }

                headers[i] = to?.GetValue<string>() ?? from;
            }
        }

        return new JsonObject { ["csv"] = CsvTable.Write(headers, rows.Select(r => r.ToArray()), table.Delimiter), ["row_count"] = rows.Count };
    }

    private static double ColumnValue(List<string> headers, List<string> row, string column)
    {
        var i = headers.IndexOf(column);
        if (i < 0)
        {
            throw ToolFailureException.Failed($"unknown column '{column}' in expression", "invalid_expression");
        }

        return CsvValues.Number(row[i]) ?? throw ToolFailureException.Failed($"column '{column}' value '{row[i]}' is not a number", "invalid_expression");
    }

    public static JsonObject Validate(CsvTable table, JsonObject options)
    {
        var rules = options["rules"] as JsonObject ?? throw ToolFailureException.InvalidParameters("missing required parameter 'options.rules'");
        var errors = new JsonArray();
        foreach (var (column, ruleNode) in rules)
        {
            var index = table.IndexOf(column);
            var rule = ruleNode?.GetValue<string>() ?? "";
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var value = table.Rows[r][index];
                if (Check(rule, value) is { } error)
                {
                    errors.Add((JsonNode)new JsonObject { ["row"] = r + 1, ["column"] = column, ["value"] = value, ["error"] = error });
                }
            }
        }

        return new JsonObject { ["valid"] = errors.Count == 0, ["errors"] = errors, ["total_rows"] = table.Rows.Count, ["error_count"] = errors.Count };
    }

    private static string? Check(string rule, string value)
    {
        var empty = value.Trim().Length == 0;
        if (rule == "required")
        {
            return empty ? "value is required" : null;
        }

        if (empty)
        {
            return null;
        }

        switch (rule)
        {
            case "email":
                return EmailPattern().IsMatch(value.Trim()) ? null : "invalid email";
            case "url":
                return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? null : "invalid url";
            case "integer":
                return CsvValues.IsInteger(value) ? null : "not an integer";
            case "number":
                return CsvValues.IsNumber(value) ? null : "not a number";
            case "date":
                return CsvValues.IsDate(value) || CsvValues.IsDateTime(value) ? null : "not a date";
        }

        if (rule.StartsWith("range:", StringComparison.Ordinal))
        {
            var bounds = rule[6..];
            var dash = bounds.IndexOf('-', 1);
            if (dash < 0 || CsvValues.Number(bounds[..dash]) is not { } min || CsvValues.Number(bounds[(dash + 1)..]) is not { } max)
            {
                throw ToolFailureException.InvalidParameters($"parameter 'options.rules': invalid rule '{rule}'");
            }

            return CsvValues.Number(value) is { } n && n >= min && n <= max
                ? null
                : $"value out of range {bounds[..dash]}-{bounds[(dash + 1)..]}";
        }

        if (rule.StartsWith("regex:", StringComparison.Ordinal))
        {
            try
            {
                return Regex.IsMatch(value, rule[6..], RegexOptions.None, TimeSpan.FromSeconds(1)) ? null : $"does not match pattern {rule[6..]}";
            }
            catch (ArgumentException)
            {
                throw ToolFailureException.InvalidParameters($"parameter 'options.rules': invalid regex in rule '{rule}'");
            }
        }

        throw ToolFailureException.InvalidParameters($"parameter 'options.rules': unknown rule '{rule}' (expected required, email, url, integer, number, date, range:<min>-<max>, regex:<pattern>)");
    }

    public static JsonObject Sample(CsvTable table, JsonObject options)
    {
        var size = (int)Math.Max(0, options["size"] is JsonValue sv && sv.TryGetValue<long>(out var s) ? s : (long)(options["size"]?.GetValue<double>() ?? 10));
        List<string[]> rows;
        if (options["random"] is JsonValue rv && rv.TryGetValue<bool>(out var random) && random)
        {
            var rng = options["seed"] is JsonValue seed ? new Random((int)Convert.ToInt64(seed.ToString(), CultureInfo.InvariantCulture)) : new Random();
            var indices = Enumerable.Range(0, table.Rows.Count).ToArray();
            rng.Shuffle(indices);
            rows = [.. indices.Take(size).Order().Select(i => table.Rows[i])];
        }
        else
        {
            rows = [.. table.Rows.Take(size)];
        }

        return new JsonObject { ["csv"] = CsvTable.Write(table.Headers, rows, table.Delimiter), ["row_count"] = rows.Count };
    }
}
