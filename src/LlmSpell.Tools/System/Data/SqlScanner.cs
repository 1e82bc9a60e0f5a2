using System.Text;

namespace LlmSpell.Tools.Sys.Data;

/// <summary>
/// A small SQL lexer that knows where quotes, identifiers and comments are, so statement counting,
/// keyword classification and placeholder numbering never look inside literals. Hand-written: no
/// maintained .NET library parses both the SQLite and PostgreSQL dialects for this purpose.
/// </summary>
internal static class SqlScanner
{
    /// <summary>
    /// Visits each character of <paramref name="sql"/> outside literals and comments, with its index.
    /// Handles '…' (with ''), "…", `…`, […] (SQLite), -- and /* */ comments, and $tag$…$tag$ (PostgreSQL).
    /// </summary>
    public static IEnumerable<int> CodePositions(string sql)
    {
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            if (c is '\'' or '"' or '`')
            {
                i = SkipQuoted(sql, i, c);
            }
            else if (c == '[')
            {
                var end = sql.IndexOf(']', i + 1);
                i = end < 0 ? sql.Length : end + 1;
            }
            else if (c == '-' && next == '-')
            {
                var end = sql.IndexOf('\n', i);
                i = end < 0 ? sql.Length : end + 1;
            }
            else if (c == '/' && next == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
            }
            else if (c == '$' && DollarTag(sql, i) is { } tag)
            {
                var end = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + tag.Length;
            }
            else
            {
                yield return i;
                i++;
            }
        }
    }

    /// <summary>True when more than one statement is present (a trailing semicolon is allowed).</summary>
    public static bool HasMultipleStatements(string sql)
    {
        var seenSemicolon = false;
        foreach (var i in CodePositions(sql))
        {
            if (sql[i] == ';')
            {
                seenSemicolon = true;
            }
            else if (seenSemicolon && !char.IsWhiteSpace(sql[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Upper-cased words outside literals/comments, with their parenthesis depth.</summary>
    public static List<(string Word, int Depth)> Words(string sql)
    {
        var words = new List<(string, int)>();
        var depth = 0;
        var current = new StringBuilder();
        var last = -2;
        foreach (var i in CodePositions(sql))
        {
            var c = sql[i];
            if ((char.IsLetterOrDigit(c) || c == '_') && (current.Length > 0 ? last == i - 1 : true))
            {
                current.Append(char.ToUpperInvariant(c));
                last = i;
                continue;
            }

            Flush();
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                current.Append(char.ToUpperInvariant(c));
                last = i;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c is '=' or ';')
            {
                words.Add((c.ToString(), depth));
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add((current.ToString(), depth));
                current.Clear();
            }
        }
    }

    /// <summary>Rewrites bare <c>?</c> placeholders to numbered ones (<c>?1</c>/<c>$1</c>) outside literals.</summary>
    public static string NumberPlaceholders(string sql, string prefix)
    {
        var sb = new StringBuilder(sql.Length + 8);
        var n = 0;
        var copied = 0;
        foreach (var i in CodePositions(sql))
        {
            if (sql[i] == '?' && (i + 1 >= sql.Length || !char.IsAsciiDigit(sql[i + 1])))
            {
                sb.Append(sql, copied, i - copied).Append(prefix).Append(++n);
                copied = i + 1;
            }
        }

        return sb.Append(sql, copied, sql.Length - copied).ToString();
    }

    private static int SkipQuoted(string sql, int start, char quote)
    {
        var i = start + 1;
        while (i < sql.Length)
        {
            if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return sql.Length;
    }

    private static string? DollarTag(string sql, int start)
    {
        var end = start + 1;
        while (end < sql.Length && (char.IsLetter(sql[end]) || sql[end] == '_'))
        {
            end++;
        }

        return end < sql.Length && sql[end] == '$' ? sql[start..(end + 1)] : null;
    }
}
