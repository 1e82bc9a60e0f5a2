using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LlmSpell.Components;
using LlmSpell.Scripting;
using LlmSpell.Tools;
using LlmSpell.Values;

namespace LlmSpell.Agents;

/// <summary>
/// An agent wrapped as a tool (<c>Agent.wrap_as_tool</c>, behaviours.md §3.3): category <c>agent</c>,
/// security <c>restricted</c>, parameters <c>input</c> (alias <c>text</c>) and <c>context</c>. Invoking it
/// runs the agent's execute (history, usage, budgets and limits apply) and returns the envelope
/// <c>{ operation = "execute", success = true, result = { text, agent, model } }</c>.
/// </summary>
/// <remarks>
/// The execute runs on the pipeline's worker, not the script thread: an agent's execute never needs
/// the script thread (no script callback is involved), so a wrapped agent called from another
/// agent's tool-calling loop cannot wait on a script thread that is itself waiting for that loop.
/// The agent is looked up by name at every call (behaviours.md §2.1), so a removed agent fails the
/// call and a re-registered one is used.
/// </remarks>
internal sealed partial class AgentTool(AgentRegistry registry, string agentName)
{
    /// <summary>Extra time beyond the agent's own execution limit, so the agent's clearer message wins.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);

    /// <summary><c>Agent.wrap_as_tool(agent_name, opts?)</c>: registers the tool and returns its name.</summary>
    public static string Wrap(ScriptArgs args, AgentRegistry registry, IToolRegistrar? registrar)
    {
        var name = args.String(0, "agent_name");
        var opts = args.OptObject(1, "opts") ?? [];
        var agent = registry.Get(name) ?? throw args.InvalidArgument($"agent '{name}' not found");
        var toolName = JsonValues.AsString(opts["tool_name"]) ?? name + "_tool";
        if (!NamePattern().IsMatch(toolName))
        {
            throw args.InvalidArgument($"invalid tool name '{toolName}' (expected ^[A-Za-z][A-Za-z0-9_-]{{0,63}}$; pass opts.tool_name)");
        }

        if (registrar is null)
        {
            throw args.InvalidArgument("tools are not available in this run");
        }

        var descriptor = Descriptor(agent, toolName, JsonValues.AsString(opts["description"]));
        var tool = new AgentTool(registry, name);
        return registrar.TryRegister(descriptor, tool.RunAsync)
            ? toolName
            : throw args.InvalidArgument($"a tool named '{toolName}' already exists");
    }

    /// <summary>The descriptor of behaviours.md §3.3.</summary>
    public static ToolDescriptor Descriptor(LlmAgent agent, string toolName, string? description) => new()
    {
        Name = toolName,
        Description = description ?? $"Sends the input to agent '{agent.Name}' and returns its reply."
            + (agent.Config.Description.Length > 0 ? " " + agent.Config.Description : ""),
        Category = "agent",
        SecurityLevel = "restricted",
        RequiresNetwork = agent.Settings is { Protocol: not "mock" },
        Parameters =
        [
            new ToolParameter("input", "string", $"The message sent to agent '{agent.Name}'", Required: true, Aliases: ["text"]),
            new ToolParameter("context", "string", "Instruction prepended to the input"),
        ],
        OutputKind = OutputKind.Envelope,
        DefaultTimeout = TimeSpan.FromSeconds(agent.Config.MaxExecutionTimeSeconds) + Slack,
    };

    /// <summary>One invocation: runs the agent's execute and wraps the reply in the envelope.</summary>
    public async Task<ComponentOutput> RunAsync(JsonObject parameters, ToolCaller _, CancellationToken cancellationToken)
    {
        var agent = registry.Get(agentName) ?? throw new ScriptException($"agent '{agentName}' not found");
        if (AgentCallChain.Contains(agent))
        {
            throw new ScriptException($"Agent '{agentName}' failed: it is already running in this call chain (an agent cannot call itself through its tool)");
        }

        var input = new JsonObject { ["text"] = JsonValues.AsString(parameters["input"]) ?? string.Empty };
        if (JsonValues.AsString(parameters["context"]) is { Length: > 0 } context)
        {
            input["instruction"] = context;
        }

        AgentReply reply;
        try
        {
            reply = await agent.ExecuteAsync(AgentRequest.From(agentName, input), null, cancellationToken).ConfigureAwait(false);
        }
        catch (AgentException ex)
        {
            // Already "Agent '<name>' failed: …"; the pipeline prefixes "Tool '<tool>' failed: ".
            throw new ScriptException(ex.Message, ex);
        }

        var output = ComponentOutput.Envelope(new JsonObject
        {
            ["operation"] = "execute",
            ["success"] = true,
            ["result"] = new JsonObject { ["text"] = reply.Text, ["agent"] = agentName, ["model"] = reply.Model },
        });
        output.Metadata["agent"] = agentName;
        output.Metadata["provider"] = reply.Provider;
        output.Metadata["model"] = reply.Model;
        return output;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();
}
