using LlmSpell.Globals;
using LlmSpell.Runtime;

namespace LlmSpell.Cli.Hosting;

/// <summary>
/// The features composed into a run, in registration order. Each feature project contributes one
/// <see cref="IRuntimeModule"/>; adding a feature is adding a line here.
/// </summary>
internal static class ModuleCatalog
{
    public static IReadOnlyList<IRuntimeModule> Create(CliSettings settings) =>
    [
        new CoreModule(settings.DebugLevel),
        new LlmSpell.Tools.ToolsModule(),
        new LlmSpell.Agents.AgentsModule(),
        new LlmSpell.State.StateModule(StorageCatalog.Providers),
    ];
}
