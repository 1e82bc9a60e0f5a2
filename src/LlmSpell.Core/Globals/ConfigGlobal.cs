using System.Text.Json.Nodes;
using LlmSpell.Runtime;
using LlmSpell.Scripting;
using LlmSpell.Security;
using LlmSpell.Values;

namespace LlmSpell.Globals;

/// <summary>The Config global (globals.md §14): redacted reads and permission-gated changes.</summary>
public sealed class ConfigGlobal(RunContext context, FileSandbox sandbox, Func<string, bool>? networkCheck = null) : IScriptGlobal
{
    private readonly List<JsonObject> _snapshots = [];

    private Configuration.LlmSpellConfig Config => context.Config;

    public GlobalDefinition Define() => new GlobalDefinition("Config")
        .Function("get", a => a.OptString(0, "path") is { } p ? JsonValues.AtPath(Config.Redacted(), p, oneBasedArrays: false)?.DeepClone() : Config.Redacted())
        .Function("getSection", a => Config.Redacted()[a.String(0, "name")]?.DeepClone(), "get_section")
        .Function("getDefaultEngine", _ => "lua", "get_default_engine")
        .Function("getProvider", a => Config.Redacted()["providers"]?[a.String(0, "name")] is JsonObject p ? p.DeepClone() : null, "get_provider")
        .Function("listProviders", _ => new JsonArray([.. Config.ProviderNames.Select(n => (JsonNode)n)]), "list_providers")
        .Function("getSecurity", _ => Config.Redacted()["runtime"]?["security"]?.DeepClone(), "get_security")
        .Function("getTools", _ => Config.Redacted()["tools"]?.DeepClone(), "get_tools")
        .Function("isFileAccessAllowed", IsFileAccessAllowed, "is_file_access_allowed")
        .Function("isNetworkAccessAllowed", IsNetworkAccessAllowed, "is_network_access_allowed")
        .Function("getPermissions", _ => Permissions(), "get_permissions")
        .Function("addAllowedPath", AddAllowedPath, "add_allowed_path")
        .Function("setProvider", SetProvider, "set_provider")
        .Function("setSecurity", SetSecurity, "set_security")
        .Function("set", Set)
        .Function("snapshot", _ =>
        {
            _snapshots.Add((JsonObject)Config.Root.DeepClone());
            return (long)_snapshots.Count;
        })
        .Function("restoreSnapshot", RestoreSnapshot, "restore_snapshot")
        .Function("toJson", _ => JsonText.Pretty(Config.Redacted()), "to_json")
        .Function("version", _ => ProductInfo.Version);

    private object? IsFileAccessAllowed(ScriptArgs a)
    {
        var allowed = Config.GetBool("runtime.security.allow_file_access", true);
        if (a.IsNil(0) || !allowed)
        {
            return allowed;
        }

        return sandbox.Check(a.String(0, "path"), out _) is null;
    }

    private object? IsNetworkAccessAllowed(ScriptArgs a)
    {
        var allowed = Config.GetBool("runtime.security.allow_network_access", true);
        if (a.IsNil(0) || !allowed)
        {
            return allowed;
        }

        var host = a.String(0, "host").Trim().TrimEnd('.').ToLowerInvariant();
        if (networkCheck is not null)
        {
            return networkCheck(host);
        }

        var blocked = Config.GetStrings("tools.network.blocked_hosts").Any(p => HostPatterns.Matches(p, host));
        return !blocked && Config.GetStrings("tools.network.allowed_hosts").Any(p => HostPatterns.Matches(p, host));
    }

    private HashSet<string> Granted => new(Config.GetStrings("runtime.security.script_permissions"), StringComparer.OrdinalIgnoreCase);

    private JsonObject Permissions()
    {
        var g = Granted;
        return new JsonObject
        {
            ["read"] = true,
            ["modify_providers"] = g.Contains("modify_providers"),
            ["modify_tools"] = g.Contains("modify_tools"),
            ["modify_runtime"] = g.Contains("modify_runtime"),
            ["modify_security"] = g.Contains("modify_security"),
            ["access_secrets"] = g.Contains("access_secrets"),
        };
    }

    private void Require(string fn, string permission)
    {
        if (!Granted.Contains(permission))
        {
            throw new ScriptException($"Config.{fn}: permission '{permission}' not granted (add it to runtime.security.script_permissions)");
        }
    }

    private object? AddAllowedPath(ScriptArgs a)
    {
        var path = a.NonEmptyString(0, "path");
        Require("addAllowedPath", "modify_security");
        sandbox.AddRoot(path);
        var list = Config.Get("tools.file_operations.allowed_paths") as JsonArray ?? [];
        list.Add((JsonNode?)path);
        Config.Set("tools.file_operations.allowed_paths", list.DeepClone());
        return null;
    }

    private object? SetProvider(ScriptArgs a)
    {
        var name = a.NonEmptyString(0, "name");
        var entry = a.Object(1, "config");
        Require("setProvider", "modify_providers");
        if (name is "providers" or "default_provider")
        {
            throw a.InvalidArgument($"'{name}' cannot be a provider name");
        }

        Config.Set($"providers.{name}", entry);
        return null;
    }

    private object? SetSecurity(ScriptArgs a)
    {
        var changes = a.Object(0, "security");
        Require("setSecurity", "modify_security");
        foreach (var (k, v) in changes)
        {
            Config.Set($"runtime.security.{k}", v?.DeepClone());
        }

        return null;
    }

    private object? Set(ScriptArgs a)
    {
        var path = a.NonEmptyString(0, "path");
        var value = a.Value(1, "value");
        if (path.StartsWith("runtime.", StringComparison.Ordinal))
        {
            Require("set", path.StartsWith("runtime.security.", StringComparison.Ordinal) ? "modify_security" : "modify_runtime");
        }
        else if (path.StartsWith("tools.", StringComparison.Ordinal))
        {
            Require("set", "modify_tools");
        }
        else
        {
            throw a.InvalidArgument($"only runtime.* and tools.* keys can be changed at run time (got '{path}')");
        }

        Config.Set(path, value);
        return null;
    }

    private object? RestoreSnapshot(ScriptArgs a)
    {
        var id = a.Integer(0, "id");
        if (id < 1 || id > _snapshots.Count)
        {
            return false;
        }

        var snapshot = _snapshots[(int)id - 1];
        foreach (var key in Config.Root.Select(kv => kv.Key).ToList())
        {
            Config.Root.Remove(key);
        }

        foreach (var (k, v) in snapshot)
        {
            Config.Root[k] = v?.DeepClone();
        }

        return true;
    }
}
