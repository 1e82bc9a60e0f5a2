using LlmSpell.Scripting;

namespace LlmSpell.Runtime;

/// <summary>
/// A feature of the platform (tools, agents, state, ...) as the composition root sees it: the
/// services it registers and the globals it contributes. Globals whose feature is disabled are
/// simply not returned, so scripts can test <c>if RAG then</c>.
/// </summary>
public interface IRuntimeModule
{
    /// <summary>Registers the module's services.</summary>
    void Configure(RuntimeServices services, RunContext context);

    /// <summary>The globals this module exposes in this run.</summary>
    IEnumerable<IScriptGlobal> Globals(RuntimeServices services, RunContext context);

    /// <summary>Adds this feature's facts to <c>llmspell info</c> (tools, providers, stores).</summary>
    void Describe(System.Text.Json.Nodes.JsonObject info, Configuration.LlmSpellConfig config, bool all)
    {
    }
}
