namespace LlmSpell.Hooks;

/// <summary>The 23 interception points of globals.md §7.1, fired where behaviours.md §5.3 says.</summary>
public enum HookPoint
{
    SystemStartup,
    SystemShutdown,
    BeforeAgentInit,
    AfterAgentInit,
    BeforeAgentExecution,
    AfterAgentExecution,
    BeforeAgentShutdown,
    AfterAgentShutdown,
    AgentError,
    BeforeToolDiscovery,
    AfterToolDiscovery,
    ToolValidation,
    BeforeToolExecution,
    AfterToolExecution,
    ToolError,
    BeforeWorkflowStart,
    BeforeWorkflowStage,
    AfterWorkflowStage,
    WorkflowStageTransition,
    WorkflowCheckpoint,
    WorkflowRollback,
    AfterWorkflowComplete,
    WorkflowError,
}
