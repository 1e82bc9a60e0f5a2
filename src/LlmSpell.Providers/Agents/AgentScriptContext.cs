using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Runtime;
using LlmSpell.Scripting;
using LlmSpell.State;
using LlmSpell.Tools;

namespace LlmSpell.Agents;

/// <summary>What the Agent global and its objects share in a run: the registry, the run context and the script objects of agents.</summary>
internal sealed class AgentScriptContext(AgentRegistry registry, RunContext run, Func<IStateAccess?> state, Func<IToolRegistrar?> toolRegistrar)
{
    private readonly ConditionalWeakTable<LlmAgent, AgentObject> _objects = [];

    public AgentRegistry Registry => registry;

    public RunContext Run => run;

    public IStateAccess? State => state();

    /// <summary>Where <c>Agent.wrap_as_tool</c> registers tools; null when the tools feature is absent.</summary>
    public IToolRegistrar? ToolRegistrar => toolRegistrar();

    public AgentContexts Contexts { get; } = new();

    /// <summary>Builds and registers an agent; build failures raise with the spec's message.</summary>
    public LlmAgent Build(AgentConfig config)
    {
        try
        {
            var agent = registry.Build(config);
            run.Log(1, $"agent '{agent.Name}' built: provider {agent.Settings?.Name ?? "none"}, model {agent.Model ?? "none"}");
            return agent;
        }
        catch (AgentException ex)
        {
            throw new ScriptException(ex.Message);
        }
    }

    /// <summary>The script object of an agent (one per agent, so identity holds).</summary>
    public AgentObject Wrap(LlmAgent agent) => _objects.GetValue(agent, a => new AgentObject(a, this));

    /// <summary>Runs an execute on the script thread's dispatcher and returns the reply output.</summary>
    public ComponentOutput Execute(LlmAgent agent, AgentRequest request, IScriptFunction? callback)
    {
        Func<string, bool>? onChunk = null;
        var index = 0;
        if (callback is not null)
        {
            var streaming = run.Config.GetBool("runtime.enable_streaming", true);
            onChunk = delta =>
            {
                index++;
                object? result;
                try
                {
                    result = callback.Call(new JsonObject { ["text"] = delta, ["index"] = index, ["done"] = false });
                }
                catch (ScriptCallbackException ex)
                {
                    throw new AgentException($"Agent '{agent.Name}' failed: stream callback error: {ex.Message}");
                }

                return !(result is false || (result is JsonValue v && v.TryGetValue<bool>(out var b) && !b));
            };
            if (!streaming)
            {
                // Streaming disabled: the whole reply arrives as one chunk after the call.
                var whole = RunAgent(agent, request, null);
                onChunk(whole.Text);
                return ToOutput(agent, whole with { Streamed = true, ChunksReceived = 1 }, true);
            }
        }

        var reply = RunAgent(agent, request, onChunk);
        return ToOutput(agent, reply, callback is not null);
    }

    private AgentReply RunAgent(LlmAgent agent, AgentRequest request, Func<string, bool>? onChunk)
    {
        try
        {
            return run.Dispatcher.Run(ct => agent.ExecuteAsync(request, onChunk, ct));
        }
        catch (AgentException ex)
        {
            run.Log(1, ex.Message);
            throw new ScriptException(ex.Message);
        }
    }

    private static ComponentOutput ToOutput(LlmAgent agent, AgentReply reply, bool streamed)
    {
        var output = ComponentOutput.Reply(reply.Text);
        var m = output.Metadata;
        m["agent"] = agent.Name;
        m["provider"] = reply.Provider;
        m["model"] = reply.Model;
        m["execution_time_ms"] = reply.ExecutionTimeMs;
        if (reply.PromptTokens is { } p && reply.CompletionTokens is { } c)
        {
            m["token_count"] = p + c;
            m["usage"] = new JsonObject { ["prompt_tokens"] = p, ["completion_tokens"] = c, ["total_tokens"] = p + c };
            m["cost_usd"] = reply.CostUsd;
        }

        m["finish_reason"] = reply.FinishReason;
        if (reply.ToolCalls is { Count: > 0 } calls)
        {
            m["tool_calls"] = calls.DeepClone();
        }

        if (reply.Members is { } members)
        {
            m["members"] = new JsonArray([.. members.Select(x => (JsonNode?)x)]);
        }

        if (reply.Cached)
        {
            m["cached"] = true;
        }

        if (streamed)
        {
            m["streamed"] = true;
            output.Extra = new JsonObject { ["chunks_received"] = reply.ChunksReceived, ["success"] = true };
        }

        return output;
    }
}
