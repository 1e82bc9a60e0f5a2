using LlmSpell.Diagnostics;
using LlmSpell.Runtime;
using LlmSpell.Scripting;
using LlmSpell.Security;

namespace LlmSpell.Globals;

/// <summary>The foundation: JSON, Debug, Logger and Config, plus the file sandbox and environment policy every feature shares.</summary>
public sealed class CoreModule(LogLevel? debugLevel = null) : IRuntimeModule
{
    public void Configure(RuntimeServices services, RunContext context)
    {
        services.Add(_ => new DebugLog(context.Config, context.Output, context.Time, debugLevel));
        services.Add(_ => CreateSandbox(context.Config));
        services.Add(_ => CreateEnvironmentPolicy(context.Config));
    }

    public IEnumerable<IScriptGlobal> Globals(RuntimeServices services, RunContext context) =>
    [
        new JsonGlobal(),
        new DebugGlobal(services.Get<DebugLog>(), context),
        new LoggerGlobal(context),
        new ConfigGlobal(context, services.Get<FileSandbox>()),
    ];

    /// <summary>The file sandbox of the run: configured roots plus the system temp directory when it is not /tmp (tools.md §2.1).</summary>
    public static FileSandbox CreateSandbox(Configuration.LlmSpellConfig config)
    {
        var roots = config.GetStrings("tools.file_operations.allowed_paths").ToList();
        var temp = Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar);
        if (roots.Contains("/tmp", StringComparer.Ordinal) && temp != "/tmp" && temp.Length > 0)
        {
            roots.Add(temp);
        }

        return new FileSandbox(roots, Directory.GetCurrentDirectory());
    }

    /// <summary>The environment policy of the run (tools.md §2.4 plus tools.system.* additions).</summary>
    public static EnvironmentPolicy CreateEnvironmentPolicy(Configuration.LlmSpellConfig config) =>
        new(config.GetStrings("tools.system.allowed_env_vars_read"), config.GetStrings("tools.system.blocked_env_vars"));
}
