namespace LlmSpell.TestUtilities;

/// <summary>
/// The PostgreSQL test cluster (<c>eval "$(.ci/start-postgres.sh)"</c> exports <c>LLMSPELL_TEST_POSTGRES</c>).
/// Each call hands out a fresh schema through <c>Search Path</c>, so tests never see each other's rows.
/// </summary>
public static class PostgresTestDatabase
{
    public const string Variable = "LLMSPELL_TEST_POSTGRES";

    /// <summary>A connection string for a new, empty schema; skips the test visibly when no cluster is configured.</summary>
    public static string FreshSchema()
    {
        var cs = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(cs))
        {
            Assert.Skip($"{Variable} not set: start PostgreSQL with eval \"$(.ci/start-postgres.sh)\" to run PostgreSQL tests");
        }

        return $"{cs.TrimEnd(';')};Search Path=t_{Guid.NewGuid():N}";
    }
}
