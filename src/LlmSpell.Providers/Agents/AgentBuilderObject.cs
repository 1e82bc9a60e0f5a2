using LlmSpell.Scripting;

namespace LlmSpell.Agents;

/// <summary>The script face of an agent builder (globals.md §1.2): setters record and return the builder.</summary>
internal sealed class AgentBuilderObject(AgentScriptContext ctx) : ScriptObject
{
    private static readonly ScriptObjectType BuilderType = CreateType();
    private readonly AgentScriptContext _ctx = ctx;

    public AgentConfig Config { get; } = new();

    public override ScriptObjectType Type => BuilderType;

    private static ScriptObjectType CreateType()
    {
        var t = new ScriptObjectType("AgentBuilder", allowDotForm: true);
        foreach (var (method, key, aliases) in new (string, string, string[])[]
        {
            ("name", "name", []), ("description", "description", []), ("type", "type", []), ("model", "model", []),
            ("provider", "provider", []), ("system_prompt", "system_prompt", []), ("temperature", "temperature", []),
            ("max_tokens", "max_tokens", []), ("top_p", "top_p", []), ("stop", "stop", []), ("response_format", "response_format", []),
            ("max_conversation_length", "max_conversation_length", ["context_window"]), ("memory_enabled", "memory_enabled", []),
            ("custom_config", "custom_config", []), ("base_url", "base_url", []), ("api_key", "api_key", []),
            ("allowed_tools", "allowed_tools", ["tools"]), ("allow_tool", "allow_tool", ["tool"]), ("max_tool_calls", "max_tool_calls", []),
            ("max_recursion_depth", "max_recursion_depth", []), ("max_execution_time", "max_execution_time", ["timeout"]),
            ("max_memory_mb", "max_memory_mb", []), ("resource_limits", "resource_limits", []), ("capability", "capability", []),
            ("capabilities", "capabilities", []), ("metadata", "metadata", []), ("max_cost_usd", "max_cost_usd", []),
        })
        {
            t.Method<AgentBuilderObject>(method, (b, a) =>
            {
                AgentConfigKeys.Apply(b.Config, key, a.IsNil(0) ? null : a.Value(0, method),
                    expected => a.BadArgument(0, method, expected), reason => a.InvalidArgument(reason));
                return b;
            }, aliases);
        }

        t.Method<AgentBuilderObject>("build", (b, _) => b._ctx.Wrap(b._ctx.Build(b.Config)));
        return t;
    }
}
