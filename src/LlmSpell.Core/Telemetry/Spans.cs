using System.Diagnostics;

namespace LlmSpell.Telemetry;

/// <summary>
/// Starts the platform's spans with their conventional names and attributes. Each returns null when
/// nothing listens. <c>llmspell.kind</c> (run, agent, model, tool, workflow, step, rag, embedding, state)
/// lets the run report group spans without parsing names.
/// </summary>
public static class Spans
{
    public static Activity? Run(string script) =>
        Start("llmspell.run", ActivityKind.Internal, "run", ("llmspell.script", script));

    public static Activity? Agent(string name, string? provider, string? model) =>
        Start("invoke_agent " + name, ActivityKind.Internal, "agent",
            (GenAiTags.OperationName, "invoke_agent"), (GenAiTags.AgentName, name), (GenAiTags.ProviderName, provider), (GenAiTags.RequestModel, model));

    public static Activity? Tool(string name, string caller) =>
        Start("execute_tool " + name, ActivityKind.Internal, "tool",
            (GenAiTags.OperationName, "execute_tool"), (GenAiTags.ToolName, name), (GenAiTags.Caller, caller));

    public static Activity? Workflow(string name, string type, string executionId) =>
        Start("workflow " + name, ActivityKind.Internal, "workflow",
            ("llmspell.workflow.name", name), ("llmspell.workflow.type", type), ("llmspell.workflow.execution_id", executionId));

    public static Activity? Step(string workflow, string step, string stepType) =>
        Start("step " + step, ActivityKind.Internal, "step",
            ("llmspell.workflow.name", workflow), ("llmspell.step.name", step), ("llmspell.step.type", stepType));

    public static Activity? Rag(string operation, string scope) =>
        Start("rag." + operation, ActivityKind.Internal, "rag", ("llmspell.rag.operation", operation), ("llmspell.rag.namespace", scope));

    public static Activity? Embeddings(string provider, string model, int inputs) =>
        Start("embeddings " + model, ActivityKind.Client, "embedding",
            (GenAiTags.OperationName, "embeddings"), (GenAiTags.ProviderName, provider), (GenAiTags.RequestModel, model), ("llmspell.embedding.inputs", inputs));

    public static Activity? State(string operation, string backend) =>
        Start("state." + operation, ActivityKind.Client, "state", ("llmspell.state.operation", operation), ("db.system.name", backend));

    /// <summary>Marks a span failed with a user-facing message (never a .NET type name).</summary>
    public static void Fail(Activity? activity, string message)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, message);
        activity.SetTag(GenAiTags.ErrorType, "error");
    }

    private static Activity? Start(string name, ActivityKind kind, string llmspellKind, params ReadOnlySpan<(string Key, object? Value)> tags)
    {
        if (!LlmSpellTelemetry.Source.HasListeners())
        {
            return null;
        }

        var activity = LlmSpellTelemetry.Source.StartActivity(name, kind);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(GenAiTags.Kind, llmspellKind);
        foreach (var (key, value) in tags)
        {
            if (value is not null)
            {
                activity.SetTag(key, value);
            }
        }

        return activity;
    }
}
