using System.Text.Json.Nodes;

namespace LlmSpell.Agents;

/// <summary>The outcome of one execute (behaviours.md §2.4).</summary>
public sealed record AgentReply
{
    public required string Text { get; init; }

    public required string Provider { get; init; }

    /// <summary>Model as reported by the provider, else as requested.</summary>
    public required string Model { get; init; }

    public required string FinishReason { get; init; }

    public long? PromptTokens { get; init; }

    public long? CompletionTokens { get; init; }

    public double CostUsd { get; init; }

    public long ExecutionTimeMs { get; init; }

    /// <summary>Every tool call in order, or null when none ran.</summary>
    public JsonArray? ToolCalls { get; init; }

    public bool Streamed { get; init; }

    public int ChunksReceived { get; init; }

    public bool Cached { get; init; }

    /// <summary>Member names of a composite agent's reply.</summary>
    public IReadOnlyList<string>? Members { get; init; }
}
