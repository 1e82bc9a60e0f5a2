using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Agents;

/// <summary>
/// Applies one builder key to an <see cref="AgentConfig"/> with the validation of globals.md §1.2;
/// shared by the builder setters and the table forms (<c>Agent.create</c>, <c>Agent.register</c>).
/// </summary>
internal static class AgentConfigKeys
{
    /// <summary>Keys recognised in tables, with their canonical setter.</summary>
    public static readonly string[] Keys =
    [
        "name", "description", "type", "model", "provider", "system_prompt", "temperature", "max_tokens", "top_p", "stop",
        "response_format", "max_conversation_length", "memory_enabled", "custom_config", "base_url", "api_key",
        "allowed_tools", "tools", "max_tool_calls", "max_recursion_depth", "max_execution_time", "max_memory_mb",
        "resource_limits", "capabilities", "metadata", "max_cost_usd",
    ];

    /// <summary>Applies <paramref name="key"/>. <paramref name="typeError"/> gets the expected type; <paramref name="invalid"/> a reason.</summary>
    public static void Apply(AgentConfig c, string key, JsonNode? v, Func<string, Exception> typeError, Func<string, Exception> invalid)
    {
        string Str() => JsonValues.AsString(v) ?? throw typeError("string");
        double Num() => JsonValues.AsDouble(v) ?? throw typeError("number");
        long Int() => JsonValues.Classify(v) == ValueKind.Integer || (JsonValues.AsDouble(v) is { } d && d == Math.Floor(d))
            ? (long)JsonValues.AsDouble(v)!.Value : throw typeError("integer");
        List<string> Strings() => v is JsonArray a ? [.. a.Select(x => JsonValues.AsString(x) ?? throw typeError("array of strings"))]
            : v is JsonObject { Count: 0 } ? [] : throw typeError("array of strings");
        JsonObject Obj() => v as JsonObject ?? (v is JsonArray { Count: 0 } ? [] : throw typeError("table"));

        switch (key)
        {
            case "name":
                var name = Str();
                c.Name = name.Length > 0 ? name : throw typeError("non-empty string");
                break;
            case "description":
                c.Description = Str();
                break;
            case "type" or "agent_type":
                var type = Str();
                c.Type = type is "llm" or "basic" or "tool-orchestrator" ? type
                    : throw invalid($"unknown agent type '{type}' (expected \"llm\", \"basic\" or \"tool-orchestrator\")");
                break;
            case "model":
                var model = Str();
                c.Model = model.Trim().Length > 0 && !model.StartsWith('/') && !model.EndsWith('/') && !model.Any(char.IsWhiteSpace) ? model
                    : throw invalid($"malformed model string '{model}' (expected \"provider/model\" or \"model\")");
                break;
            case "provider":
                c.Provider = v is JsonObject po ? JsonValues.AsString(po["name"]) ?? throw typeError("provider name or provider table") : Str();
                break;
            case "system_prompt":
                c.SystemPrompt = Str();
                break;
            case "temperature":
                var t = Num();
                c.Temperature = t is >= 0 and <= 2 ? t : throw invalid($"temperature must be between 0 and 2, got {JsonText.Compact(v)}");
                break;
            case "max_tokens":
                var mt = Int();
                c.MaxTokens = mt > 0 ? (int)mt : throw invalid($"max_tokens must be an integer greater than 0, got {mt}");
                break;
            case "top_p":
                var tp = Num();
                c.TopP = tp is > 0 and <= 1 ? tp : throw invalid($"top_p must be in (0, 1], got {JsonText.Compact(v)}");
                break;
            case "stop":
                var stop = Strings();
                c.Stop = stop.Count <= 4 ? stop : throw invalid("stop accepts at most 4 sequences");
                break;
            case "response_format":
                var rf = Str();
                c.ResponseFormat = rf is "text" or "json" ? rf : throw invalid($"response_format must be \"text\" or \"json\", got '{rf}'");
                break;
            case "max_conversation_length" or "context_window":
                var mcl = Int();
                c.MaxConversationLength = mcl >= 0 ? (int)mcl : throw invalid("max_conversation_length must be >= 0");
                break;
            case "memory_enabled":
                c.MemoryEnabled = JsonValues.AsBool(v) ?? throw typeError("boolean");
                break;
            case "custom_config":
                c.CustomConfig = (JsonObject)Obj().DeepClone();
                break;
            case "base_url":
                c.BaseUrl = Uri.TryCreate(Str(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? Str() : throw invalid($"base_url must be an http(s) URL, got '{Str()}'");
                break;
            case "api_key":
                c.ApiKey = Str();
                break;
            case "allowed_tools" or "tools":
                c.AllowedTools.Clear();
                c.AllowedTools.AddRange(Strings());
                break;
            case "allow_tool" or "tool":
                c.AllowedTools.Add(Str());
                break;
            case "max_tool_calls":
                var mtc = Int();
                c.MaxToolCalls = mtc >= 0 ? (int)mtc : throw invalid("max_tool_calls must be >= 0");
                break;
            case "max_recursion_depth":
                var mrd = Int();
                c.MaxRecursionDepth = mrd >= 1 ? (int)mrd : throw invalid("max_recursion_depth must be >= 1");
                break;
            case "max_execution_time" or "timeout" or "max_execution_time_secs":
                var met = Int();
                c.MaxExecutionTimeSeconds = met > 0 ? (int)met : throw invalid("max_execution_time must be > 0");
                break;
            case "max_memory_mb":
                var mm = Int();
                c.MaxMemoryMb = mm > 0 ? (int)mm : throw invalid("max_memory_mb must be > 0");
                break;
            case "resource_limits":
                foreach (var (k, rv) in Obj())
                {
                    if (k is "max_execution_time_secs" or "max_memory_mb" or "max_tool_calls" or "max_recursion_depth")
                    {
                        Apply(c, k, rv, typeError, invalid);
                    }
                }

                break;
            case "capability":
                c.Capabilities.Add(Str());
                break;
            case "capabilities":
                c.Capabilities.Clear();
                c.Capabilities.AddRange(Strings());
                break;
            case "metadata":
                c.Metadata = (JsonObject)Obj().DeepClone();
                break;
            case "max_cost_usd":
                var cost = Num();
                c.MaxCostUsd = cost >= 0 ? cost : throw invalid("max_cost_usd must be >= 0");
                break;
        }
    }
}
