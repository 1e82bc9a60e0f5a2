using System.Text.Json.Nodes;
using LlmSpell.Scripting;
using LlmSpell.Values;

namespace LlmSpell.Agents;

/// <summary>Info, configuration, health, alerts and saved state of an agent object.</summary>
internal sealed partial class AgentObject
{
    private string StateKey => $"agent:{_agent.Name}:state";

    public JsonObject Info()
    {
        var c = _agent.Config;
        var info = new JsonObject
        {
            ["name"] = _agent.Name, ["id"] = _agent.Id, ["type"] = _agent.Type, ["description"] = c.Description,
            ["provider"] = _agent.Settings?.Name, ["model"] = _agent.Model, ["system_prompt"] = _agent.SystemPrompt,
        };
        if (c.Temperature is { } t)
        {
            info["temperature"] = t;
        }

        if (c.MaxTokens is { } mt)
        {
            info["max_tokens"] = mt;
        }

        info["allowed_tools"] = new JsonArray([.. c.AllowedTools.Select(x => (JsonNode?)x)]);
        info["capabilities"] = new JsonArray([.. c.Capabilities.Select(x => (JsonNode?)x)]);
        info["metadata"] = c.Metadata.DeepClone();
        info["history_length"] = _agent.History.Count;
        info["state"] = _agent.Lifecycle.State;
        info["created_at"] = _agent.CreatedAt.ToString("O");
        return info;
    }

    public JsonObject ConfigTable()
    {
        var c = _agent.Config;
        var o = new JsonObject
        {
            ["name"] = _agent.Name, ["description"] = c.Description, ["type"] = c.Type, ["model"] = _agent.Model,
            ["provider"] = _agent.Settings?.Name, ["system_prompt"] = _agent.SystemPrompt, ["temperature"] = c.Temperature,
            ["max_tokens"] = c.MaxTokens, ["top_p"] = c.TopP,
            ["stop"] = c.Stop is null ? null : new JsonArray([.. c.Stop.Select(x => (JsonNode?)x)]),
            ["response_format"] = c.ResponseFormat ?? "text",
            ["max_conversation_length"] = _agent.History.Window, ["memory_enabled"] = _agent.MemoryEnabled,
            ["base_url"] = _agent.Settings?.BaseUrl, ["has_api_key"] = !string.IsNullOrEmpty(_agent.Settings?.ApiKey),
            ["allowed_tools"] = new JsonArray([.. c.AllowedTools.Select(x => (JsonNode?)x)]),
            ["capabilities"] = new JsonArray([.. c.Capabilities.Select(x => (JsonNode?)x)]),
            ["metadata"] = c.Metadata.DeepClone(), ["custom_config"] = c.CustomConfig.DeepClone(),
            ["max_cost_usd"] = c.MaxCostUsd,
            ["resource_limits"] = new JsonObject
            {
                ["max_execution_time_secs"] = c.MaxExecutionTimeSeconds, ["max_memory_mb"] = c.MaxMemoryMb,
                ["max_tool_calls"] = c.MaxToolCalls, ["max_recursion_depth"] = c.MaxRecursionDepth,
            },
        };
        return o;
    }

    private JsonObject Health()
    {
        var status = _agent.Lifecycle.State == "Error" ? "unhealthy" : _agent.Metrics.Health();
        var h = new JsonObject { ["status"] = status };
        if (status != "healthy")
        {
            h["message"] = _agent.Lifecycle.LastError ?? "recent calls failed";
        }

        h["timestamp"] = _ctx.Run.Time.GetUtcNow().ToString("O");
        return h;
    }

    private object? ConfigureAlerts(ScriptArgs args)
    {
        var cfg = args.OptObject(0, "config") ?? [];
        _errorRateThreshold = JsonValues.AsDouble(cfg["error_rate_threshold"]) ?? _errorRateThreshold;
        _latencyThresholdMs = JsonValues.AsDouble(cfg["latency_threshold_ms"]) ?? _latencyThresholdMs;
        return null;
    }

    private JsonArray Alerts()
    {
        lock (_alerts)
        {
            return new JsonArray([.. _alerts.Select(a => (JsonNode?)a.DeepClone())]);
        }
    }

    private void Alert(string severity, string message)
    {
        lock (_alerts)
        {
            _alerts.Add(new JsonObject { ["severity"] = severity, ["message"] = message, ["timestamp"] = _ctx.Run.Time.GetUtcNow().ToString("O") });
        }
    }

    private void CheckThresholds()
    {
        var (errorRate, averageMs) = _agent.Metrics.Rates();
        if (errorRate > _errorRateThreshold)
        {
            Alert("critical", $"error rate {errorRate:0.##} exceeds {_errorRateThreshold:0.##}");
        }

        if (averageMs > _latencyThresholdMs)
        {
            Alert("warning", $"average latency {averageMs:0} ms exceeds {_latencyThresholdMs:0} ms");
        }
    }

    private Exception NoState() =>
        new ScriptException($"Agent '{_agent.Name}': saving state needs the State feature (enable runtime.state_persistence)");

    private object SaveState()
    {
        var state = _ctx.State ?? throw NoState();
        var value = new JsonObject
        {
            ["history"] = new JsonArray([.. _agent.History.Turns.Select(x => (JsonNode?)new JsonObject { ["role"] = x.Role, ["content"] = x.Content })]),
            ["config"] = ConfigTable(),
            ["metrics"] = _agent.Metrics.ToJson(_agent.Id),
        };
        _ctx.Run.Dispatcher.Wait(state.SaveAsync(StateKey, value));
        return true;
    }

    private object LoadState()
    {
        var state = _ctx.State ?? throw NoState();
        if (_ctx.Run.Dispatcher.Wait(state.LoadAsync(StateKey)) is not JsonObject saved)
        {
            return false;
        }

        _agent.History.Replace((saved["history"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(m => (JsonValues.AsString(m["role"]) ?? "user", JsonValues.AsString(m["content"]) ?? "")));
        return true;
    }

    private object DeleteState() => _ctx.Run.Dispatcher.Wait((_ctx.State ?? throw NoState()).DeleteAsync(StateKey));
}
