namespace LlmSpell.Scripting;

/// <summary>A global object of the script API (JSON, Tool, Agent, ...).</summary>
public interface IScriptGlobal
{
    /// <summary>Builds the script-visible definition. Called once per run, at engine start.</summary>
    GlobalDefinition Define();
}
