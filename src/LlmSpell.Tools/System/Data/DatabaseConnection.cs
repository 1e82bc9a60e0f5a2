using LlmSpell.Configuration;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Values;
using Npgsql;

namespace LlmSpell.Tools.Sys.Data;

/// <summary>
/// One configured connection (<c>[tools.database.connections.&lt;name&gt;]</c>, tools.md §5.37).
/// <see cref="Target"/> is the SQLite file path (or ":memory:") or the Npgsql connection string.
/// </summary>
internal sealed record DatabaseConnection(string Name, string Kind, string Target, bool ReadOnly, bool AllowDdl)
{
    /// <summary>Every configured connection; <c>DATABASE_URL</c> defines "default" when none is configured.</summary>
    public static Dictionary<string, DatabaseConnection> FromConfig(ToolServices services)
    {
        var result = new Dictionary<string, DatabaseConnection>(StringComparer.Ordinal);
        var section = services.Config.GetSection("tools.database.connections");
        foreach (var (name, node) in section ?? [])
        {
            if (node is System.Text.Json.Nodes.JsonObject entry && JsonValues.AsString(entry["url"]) is { } url)
            {
                result[name] = Parse(
                    name, url, JsonValues.AsString(entry["password_env"]),
                    JsonValues.AsBool(entry["read_only"]) ?? false, JsonValues.AsBool(entry["allow_ddl"]) ?? false);
            }
        }

        if (result.Count == 0 && Environment.GetEnvironmentVariable("DATABASE_URL") is { Length: > 0 } fallback)
        {
            result["default"] = Parse("default", fallback, null, false, false);
        }

        return result;
    }

    public static DatabaseConnection Parse(string name, string url, string? passwordEnv, bool readOnly, bool allowDdl)
    {
        if (url.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var rest = url["sqlite:".Length..];
            var target = rest switch
            {
                ":memory:" => ":memory:",
                _ when rest.StartsWith("///", StringComparison.Ordinal) => rest[2..],
                _ when rest.StartsWith("//", StringComparison.Ordinal) => rest[2..],
                _ => rest,
            };
            return new DatabaseConnection(name, "sqlite", target, readOnly, allowDdl);
        }

        if (PostgresUrl.IsUrl(url))
        {
            var password = passwordEnv is not null ? Environment.GetEnvironmentVariable(passwordEnv) : null;
            return new DatabaseConnection(name, "postgres", PostgresUrl.ToConnectionString(url, password), readOnly, allowDdl);
        }

        throw ToolFailureException.Failed($"database connection '{name}' has an unsupported url (expected sqlite: or postgres://)", "not_configured");
    }
}
