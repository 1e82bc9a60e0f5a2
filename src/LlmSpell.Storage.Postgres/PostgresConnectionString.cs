namespace LlmSpell.Storage.Postgres;

/// <summary>Accepts both Npgsql keyword strings and <c>postgres://user:pass@host:port/db</c> URLs (cli-and-config.md §5.6).</summary>
internal static class PostgresConnectionString
{
    public static string Normalize(string value) => LlmSpell.Configuration.PostgresUrl.ToConnectionString(value);
}
