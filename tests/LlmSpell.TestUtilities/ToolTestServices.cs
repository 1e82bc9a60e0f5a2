using LlmSpell.Configuration;
using LlmSpell.Runtime;
using LlmSpell.Security;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.TestUtilities;

/// <summary>Builds the <see cref="ToolServices"/> of a run from configuration text, for tool tests.</summary>
public static class ToolTestServices
{
    /// <summary>
    /// Services for <paramref name="toml"/> (defaults when empty). Tests that call loopback servers
    /// set <c>tools.network.block_private_addresses = false</c> in their TOML, as the spec intends.
    /// </summary>
    public static ToolServices Create(string toml = "", IReadOnlyDictionary<string, string>? env = null, List<string>? warnings = null, TimeProvider? time = null)
    {
        var loaded = ConfigLoader.FromText(toml, toml.Length == 0 ? null : "test.toml", env ?? new Dictionary<string, string>());
        if (!loaded.IsValid)
        {
            throw new InvalidOperationException("test configuration is invalid: " + string.Join("; ", loaded.Errors));
        }

        var config = loaded.Config;
        var roots = config.GetStrings("tools.file_operations.allowed_paths");
        var sandbox = new FileSandbox(roots, Directory.GetCurrentDirectory());
        var environment = new EnvironmentPolicy(config.GetStrings("tools.system.allowed_env_vars_read"), config.GetStrings("tools.system.blocked_env_vars"));
        return new ToolServices(config, sandbox, environment, new RuntimeServices(), time ?? TimeProvider.System, m => warnings?.Add(m));
    }

    /// <summary>A request for a tool with parameters given as JSON text.</summary>
    public static ToolRequest Request(ToolServices services, string tool, string parametersJson) =>
        new(tool, (System.Text.Json.Nodes.JsonObject)Values.JsonText.Parse(parametersJson)!, LlmSpell.Tools.ToolCaller.Script, services);
}
