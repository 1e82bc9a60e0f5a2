using System.Text.Json.Nodes;

namespace LlmSpell.Agents;

/// <summary>What a builder (or <c>Agent.create</c>/<c>Agent.register</c>) recorded (globals.md §1.2).</summary>
public sealed class AgentConfig
{
    public string? Name { get; set; }

    public string Description { get; set; } = "";

    public string Type { get; set; } = "llm";

    public string? Model { get; set; }

    public string? Provider { get; set; }

    public string? SystemPrompt { get; set; }

    public double? Temperature { get; set; }

    public int? MaxTokens { get; set; }

    public double? TopP { get; set; }

    public IReadOnlyList<string>? Stop { get; set; }

    public string? ResponseFormat { get; set; }

    public int? MaxConversationLength { get; set; }

    public bool? MemoryEnabled { get; set; }

    public JsonObject CustomConfig { get; set; } = [];

    public string? BaseUrl { get; set; }

    public string? ApiKey { get; set; }

    public List<string> AllowedTools { get; } = [];

    public int MaxToolCalls { get; set; } = 100;

    public int MaxRecursionDepth { get; set; } = 10;

    public int MaxExecutionTimeSeconds { get; set; } = 300;

    public int MaxMemoryMb { get; set; } = 512;

    public List<string> Capabilities { get; } = [];

    public JsonObject Metadata { get; set; } = [];

    /// <summary>Cost budget of this agent for the run (checked before each call).</summary>
    public double? MaxCostUsd { get; set; }
}
