using System.Text.Json.Nodes;
using LlmSpell.Configuration;
using LlmSpell.Globals;
using LlmSpell.Runtime;
using LlmSpell.Scripting;
using LlmSpell.Security;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Pipeline;
using LlmSpell.Tools.Scripting;

namespace LlmSpell.Tools;

/// <summary>
/// The tools feature: shared tool services, the registry of built-in and Lua tools, the invocation
/// pipeline (also registered as <see cref="IToolInvoker"/> for agents and workflows, and as
/// <see cref="IToolRegistrar"/> for services that add tools at run time), the security
/// audit log and the <c>Tool</c> global.
/// </summary>
public sealed class ToolsModule : IRuntimeModule
{
    public void Configure(RuntimeServices services, RunContext context)
    {
        services.Add(s => new ToolServices(context.Config, s.Get<FileSandbox>(), s.Get<EnvironmentPolicy>(), s, context.Time, context.Warn));
        services.Add(_ => SecurityAuditLog.For(context));
        services.Add(s => CreateRegistry(s.Get<ToolServices>()));
        services.Add(s => new ToolPipeline(s.Get<ToolRegistry>(), s.Get<ToolServices>(), s.Get<SecurityAuditLog>()));
        services.Add<IToolInvoker>(s => s.Get<ToolPipeline>());
        services.Add<IToolRegistrar>(s => s.Get<ToolPipeline>());
    }

    public IEnumerable<IScriptGlobal> Globals(RuntimeServices services, RunContext context) =>
        [new ToolGlobal(() => services.Get<ToolPipeline>(), context)];

    public void Describe(JsonObject info, LlmSpellConfig config, bool all)
    {
        var registry = CreateRegistry(new ToolServices(config, CoreModule.CreateSandbox(config), CoreModule.CreateEnvironmentPolicy(config), new RuntimeServices(), TimeProvider.System));
        info["tools"] = registry.Count;
        if (all)
        {
            info["tool_list"] = new JsonArray([.. registry.All().Select(t => (JsonNode)JsonValue.Create(t.Descriptor.Name))]);
        }
    }

    /// <summary>The registry of a run: every built-in tool that configuration leaves enabled.</summary>
    internal static ToolRegistry CreateRegistry(ToolServices services)
    {
        var config = services.Config;
        var all = config.GetBool("tools.enabled", true);
        return new ToolRegistry(BuiltInTools.Create(services), name => all && config.GetBool($"tools.{name}.enabled", true));
    }
}
