namespace LlmSpell.Tools.Pipeline;

/// <summary>
/// The seam where hooks (ToolValidation, BeforeToolExecution, AfterToolExecution, ToolError) and
/// events (tool.started, tool.completed, tool.failed) plug into the pipeline. Interceptors run in
/// registration order; throwing from a "before" stage fails the invocation with that error.
/// </summary>
public interface IToolInterceptor
{
    /// <summary>Before parameter validation (ToolValidation hook).</summary>
    Task BeforeValidationAsync(ToolInvocation invocation, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After validation, before execution (BeforeToolExecution hook, tool.started event). Setting
    /// <see cref="ToolInvocation.Output"/> here replaces the execution; changing <see cref="ToolInvocation.Parameters"/> modifies it.</summary>
    Task BeforeExecutionAsync(ToolInvocation invocation, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After a successful execution; may replace <see cref="ToolInvocation.Output"/> (AfterToolExecution hook, tool.completed event).</summary>
    Task AfterExecutionAsync(ToolInvocation invocation, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After a failure (ToolError hook, tool.failed event). The failure is rethrown afterwards.</summary>
    Task OnErrorAsync(ToolInvocation invocation, CancellationToken cancellationToken) => Task.CompletedTask;
}
