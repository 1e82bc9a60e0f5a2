using System.Text.Json.Nodes;
using LlmSpell.Scripting;
using LlmSpell.Tools;
using LlmSpell.Values;

namespace LlmSpell.Agents;

/// <summary>The script face of a built agent (globals.md §1.3).</summary>
internal sealed partial class AgentObject(LlmAgent agent, AgentScriptContext ctx) : ScriptObject
{
    private static readonly ScriptObjectType AgentType = CreateType();
    private readonly LlmAgent _agent = agent;
    private readonly AgentScriptContext _ctx = ctx;
    private readonly List<JsonObject> _alerts = [];
    private double _errorRateThreshold = 0.5;
    private double _latencyThresholdMs = 30000;

    public LlmAgent Agent => _agent;

    public override ScriptObjectType Type => AgentType;

    public override string DisplayText => $"Agent({_agent.Name})";

    private static ScriptObjectType CreateType()
    {
        var t = new ScriptObjectType("Agent");
        t.Field<AgentObject>("name", a => a._agent.Name);
        t.Field<AgentObject>("id", a => a._agent.Id);
        t.Field<AgentObject>("provider", a => a._agent.Settings?.Name);
        t.Field<AgentObject>("model", a => a._agent.Model);
        t.Field<AgentObject>("type", a => a._agent.Type);
        void M(string name, Func<AgentObject, ScriptArgs, object?> fn, params string[] aliases) =>
            t.Method<AgentObject>(name, (a, args) => { a.Alive(); return fn(a, args); }, aliases);

        M("execute", (a, args) => a.Execute(args, null), "invoke");
        M("execute_streaming", (a, args) => a.Execute(args, args.Function(1, "callback")), "invokeStream", "stream");
        M("execute_with_context", (a, args) => a.ExecuteWithContext(args));
        M("invokeTool", (a, args) => a.InvokeTool(args), "invoke_tool");
        M("get_info", (a, _) => a.Info());
        M("get_config", (a, _) => a.ConfigTable());
        M("get_history", (a, _) => new JsonArray([.. a._agent.History.Turns.Select(x => (JsonNode?)new JsonObject { ["role"] = x.Role, ["content"] = x.Content })]));
        M("set_history", (a, args) => a.SetHistory(args));
        M("clear_history", (a, _) => { a._agent.History.Clear(); return null; }, "reset");
        M("save_state", (a, _) => a.SaveState());
        M("load_state", (a, _) => a.LoadState());
        M("delete_state", (a, _) => a.DeleteState());
        M("discover_tools", (a, _) => new JsonArray([.. (a._ctx.Registry.Tools?.List() ?? []).Select(d => (JsonNode?)d.Name).Order()]));
        M("allowed_tools", (a, _) => new JsonArray([.. a._agent.Config.AllowedTools.Select(x => (JsonNode?)x)]));
        M("has_tool", (a, args) => a.MayUse(args.String(0, "name")) && a._ctx.Registry.Tools?.Find(args.String(0, "name")) is not null);
        M("get_tool_metadata", (a, args) => a._ctx.Registry.Tools?.Find(args.String(0, "name")) is { } d ? ToolMeta(d) : null);
        M("get_all_tool_metadata", (a, _) => new JsonObject((a._ctx.Registry.Tools?.List() ?? []).Select(d => KeyValuePair.Create(d.Name, (JsonNode?)ToolMeta(d)))));
        M("get_metrics", (a, _) => a._agent.Metrics.ToJson(a._agent.Id));
        M("get_performance", (a, _) => a._agent.Metrics.Performance());
        M("get_health", (a, _) => a.Health());
        M("is_healthy", (a, _) => (string?)a.Health()["status"] != "unhealthy");
        M("logEvent", (a, args) => { a.Alert("info", $"{args.String(0, "type")}: {args.String(1, "message")}"); return null; }, "log_event");
        M("configure_alerts", (a, args) => a.ConfigureAlerts(args));
        M("get_alerts", (a, _) => a.Alerts());
        M("get_bridge_metrics", (a, _) => new JsonObject
        {
            ["calls_total"] = a._agent.Metrics.RequestsTotal, ["calls_failed"] = a._agent.Metrics.RequestsFailed, ["avg_call_overhead_ms"] = 0.0,
        });
        foreach (var op in new[] { "initialize", "start", "pause", "resume", "stop", "terminate", "recover" })
        {
            M(op, (a, _) => a.Lifecycle(op, null));
        }

        M("set_error", (a, args) => a.Lifecycle("set_error", args.OptString(0, "message") ?? "error"));
        M("get_state", (a, _) => a._agent.Lifecycle.State, "get_agent_state");
        M("get_state_history", (a, _) => a._agent.Lifecycle.History);
        M("get_last_error", (a, _) => a._agent.Lifecycle.LastError);
        M("get_recovery_attempts", (a, _) => (long)a._agent.Lifecycle.RecoveryAttempts);
        M("get_state_metrics", (a, _) => a._agent.Lifecycle.Metrics());
        M("destroy", (a, _) => { a._ctx.Registry.Remove(a._agent.Name); a._agent.Destroyed = true; return null; });
        return t;
    }

    private void Alive()
    {
        if (_agent.Destroyed)
        {
            throw new ScriptException($"Agent '{_agent.Name}' has been destroyed");
        }
    }

    private object Execute(ScriptArgs args, IScriptFunction? callback)
    {
        var request = Request(args.IsNil(0) ? null : args.Value(0, "input"));
        var output = _ctx.Execute(_agent, request, callback);
        CheckThresholds();
        return output;
    }

    private object ExecuteWithContext(ScriptArgs args)
    {
        var id = args.String(1, "context_id");
        if (!_ctx.Contexts.Exists(id))
        {
            throw new ScriptException($"Agent '{_agent.Name}' failed: context '{id}' not found");
        }

        var request = Request(args.IsNil(0) ? null : args.Value(0, "input")) with { Context = _ctx.Contexts.Render(id) };
        return _ctx.Execute(_agent, request, null);
    }

    private AgentRequest Request(JsonNode? input)
    {
        try
        {
            return AgentRequest.From(_agent.Name, input);
        }
        catch (AgentException ex)
        {
            throw new ScriptException(ex.Message);
        }
    }

    private object InvokeTool(ScriptArgs args)
    {
        var name = args.String(0, "tool_name");
        if (!MayUse(name))
        {
            throw new ScriptException($"Agent '{_agent.Name}' may not use tool '{name}'");
        }

        var invoker = _ctx.Registry.Tools ?? throw new ScriptException($"Agent '{_agent.Name}': tools are not available in this run");
        var parameters = args.OptObject(1, "params") ?? [];
        _agent.Metrics.ToolInvoked();
        return _ctx.Run.Dispatcher.Run(ct => invoker.InvokeAsync(name, parameters, ToolCaller.ForAgent(_agent.Name), null, ct));
    }

    private bool MayUse(string tool)
    {
        var allowed = _agent.Config.AllowedTools;
        if (allowed.Count == 0)
        {
            return true;
        }

        var canonical = _ctx.Registry.Tools?.Find(tool)?.Name ?? tool;
        return allowed.Any(a => a == tool || (_ctx.Registry.Tools?.Find(a)?.Name ?? a) == canonical);
    }

    private static JsonObject ToolMeta(ToolDescriptor d) =>
        new() { ["name"] = d.Name, ["description"] = d.Description, ["version"] = d.Version, ["category"] = d.Category };

    private object? Lifecycle(string op, string? reason)
    {
        try
        {
            _agent.Lifecycle.Apply(op, reason);
        }
        catch (AgentException ex)
        {
            throw new ScriptException(ex.Message);
        }

        return null;
    }

    private object? SetHistory(ScriptArgs args)
    {
        var list = args.Table(0, "list") as JsonArray ?? [];
        _agent.History.Replace(list.OfType<JsonObject>().Select(m => (JsonValues.AsString(m["role"]) ?? "user", JsonValues.AsString(m["content"]) ?? "")));
        return null;
    }
}
