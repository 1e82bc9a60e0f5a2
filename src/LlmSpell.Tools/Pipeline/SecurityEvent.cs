namespace LlmSpell.Tools.Pipeline;

/// <summary>One refused operation (sandbox, network, process or environment policy).</summary>
/// <param name="Timestamp">When the refusal happened.</param>
/// <param name="Tool">Canonical tool name.</param>
/// <param name="Caller">Who invoked the tool.</param>
/// <param name="Reason">The refusal reason as the script saw it.</param>
public sealed record SecurityEvent(DateTimeOffset Timestamp, string Tool, ToolCaller Caller, string Reason);
