using System.Data.Common;

namespace LlmSpell.Configuration;

/// <summary>
/// Turns <c>postgres://user:pass@host:port/db</c> URLs (cli-and-config.md §5.6, tools.md §5.37) into
/// keyword connection strings; keyword strings pass through unchanged. Shared by the PostgreSQL
/// state store and <c>database_connector</c>.
/// </summary>
public static class PostgresUrl
{
    public static bool IsUrl(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <param name="value">A URL or a keyword connection string.</param>
    /// <param name="password">Overrides the URL's password (for example from <c>password_env</c>).</param>
    public static string ToConnectionString(string value, string? password = null)
    {
        if (!IsUrl(value))
        {
            return value;
        }

        var uri = new Uri(value);
        var b = new DbConnectionStringBuilder
        {
            ["Host"] = uri.Host,
            ["Port"] = uri.Port > 0 ? uri.Port : 5432,
            ["Database"] = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            b["Username"] = Uri.UnescapeDataString(userInfo[0]);
        }

        if (password is not null)
        {
            b["Password"] = password;
        }
        else if (userInfo.Length == 2)
        {
            b["Password"] = Uri.UnescapeDataString(userInfo[1]);
        }

        return b.ConnectionString;
    }
}
