namespace LlmSpell.Tools.Sys.Data;

/// <summary>Classifies one SQL statement by its first keyword (tools.md §5.37).</summary>
internal static class SqlClassifier
{
    private static readonly HashSet<string> WriteWords = ["INSERT", "UPDATE", "DELETE", "REPLACE", "UPSERT", "MERGE"];
    private static readonly HashSet<string> DdlWords = ["CREATE", "ALTER", "DROP", "TRUNCATE"];

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
            "PRAGMA" => (first, words.Any(w => w.Word == "=") ? SqlClass.Other : SqlClass.Query),
            "WITH" => (first, WithBody(words)),
            _ when WriteWords.Contains(first) => (first, SqlClass.Write),
            _ when DdlWords.Contains(first) => (first, SqlClass.Ddl),
            _ => (first, SqlClass.Other),
        };
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
