namespace LlmSpell.Tools.Sys.Data;

/// <summary>Classifies one SQL statement by its first keyword (tools.md §5.37).</summary>
internal static class SqlClassifier
{
    private static readonly HashSet<string> WriteWords = ["INSERT", "UPDATE", "DELETE", "REPLACE", "UPSERT", "MERGE"];
    private static readonly HashSet<string> DdlWords = ["CREATE", "ALTER", "DROP", "TRUNCATE"];

    private static readonly HashSet<string> IntrospectionPragmas =
    [
        "TABLE_INFO", "TABLE_XINFO", "INDEX_LIST", "INDEX_INFO", "INDEX_XINFO", "FOREIGN_KEY_LIST",
        "FOREIGN_KEY_CHECK", "INTEGRITY_CHECK", "QUICK_CHECK", "TABLE_LIST",
    ];

    /// <summary>The first keyword (upper case) and class of <paramref name="sql"/>.</summary>
    public static (string Keyword, SqlClass Class) Classify(string sql)
    {
        var words = SqlScanner.Words(sql);
        if (words.Count == 0)
        {
            return (string.Empty, SqlClass.Other);
        }

        var first = words[0].Word;
        return first switch
        {
            "SELECT" or "VALUES" or "EXPLAIN" or "SHOW" or "TABLE" => (first, SqlClass.Query),
            "PRAGMA" => (first, ReadOnlyPragma(words) ? SqlClass.Query : SqlClass.Other),
            "WITH" => (first, WithBody(words)),
            _ when WriteWords.Contains(first) => (first, SqlClass.Write),
            _ when DdlWords.Contains(first) => (first, SqlClass.Ddl),
            _ => (first, SqlClass.Other),
        };
    }

    /// <summary>
    /// A PRAGMA without a value reads a setting; with "= value" it writes one; "name(arg)" writes
    /// too (PRAGMA cache_size(100)) except for the introspection pragmas that take a table name.
    /// </summary>
    private static bool ReadOnlyPragma(List<(string Word, int Depth)> words)
    {
        if (words.Any(w => w.Word == "="))
        {
            return false;
        }

        var hasArgument = words.Any(w => w.Depth > 0);
        var name = words.Count > 1 ? words[^1].Depth > 0 ? words.Last(w => w.Depth == 0).Word : words[^1].Word : string.Empty;
        return !hasArgument || IntrospectionPragmas.Contains(name);
    }

    /// <summary>WITH … SELECT is a query; WITH … INSERT/UPDATE/DELETE is a write.</summary>
    private static SqlClass WithBody(List<(string Word, int Depth)> words)
    {
        foreach (var (word, depth) in words.Skip(1))
        {
            if (depth != 0)
            {
                continue;
            }

            if (word == "SELECT" || word == "VALUES")
            {
                return SqlClass.Query;
            }

            if (WriteWords.Contains(word))
            {
                return SqlClass.Write;
            }
        }

        return SqlClass.Other;
    }
}
