namespace LlmSpell.Telemetry;

/// <summary>Attribute names of the OpenTelemetry GenAI semantic conventions and our own.</summary>
public static class GenAiTags
{
    public const string OperationName = "gen_ai.operation.name";
    public const string ProviderName = "gen_ai.provider.name";
    public const string RequestModel = "gen_ai.request.model";
    public const string ResponseModel = "gen_ai.response.model";
    public const string InputTokens = "gen_ai.usage.input_tokens";
    public const string OutputTokens = "gen_ai.usage.output_tokens";
    public const string FinishReasons = "gen_ai.response.finish_reasons";
    public const string AgentName = "gen_ai.agent.name";
    public const string AgentId = "gen_ai.agent.id";
    public const string ToolName = "gen_ai.tool.name";
    public const string TokenType = "gen_ai.token.type";
    public const string CostUsd = "llmspell.cost_usd";
    public const string Caller = "llmspell.caller";
    public const string Kind = "llmspell.kind";
    public const string ErrorType = "error.type";
}
