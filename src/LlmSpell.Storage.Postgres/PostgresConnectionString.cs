using Npgsql;

namespace LlmSpell.Storage.Postgres;

/// <summary>Accepts both Npgsql keyword strings and <c>postgres://user:pass@host:port/db</c> URLs (cli-and-config.md §5.6).</summary>
internal static class PostgresConnectionString
{
    public static string Normalize(string value)
    {
        if (!value.StartsWith("postgres://", StringComparison.Ordinal) && !value.StartsWith("postgresql://", StringComparison.Ordinal))
        {
            return value;
        }

        var uri = new Uri(value);
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            b.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            b.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        return b.ConnectionString;
    }
}
