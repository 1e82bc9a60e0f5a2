using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using LlmSpell.Components;
using LlmSpell.Scripting;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Pipeline;

/// <summary>
/// The invocation pipeline of tools.md §1.2, shared by scripts, workflows and agents: resolve,
/// rate limit, validate, execute under a time limit, stamp metadata. Each stage is an explicit
/// method; hooks and events plug in through <see cref="IToolInterceptor"/>.
/// </summary>
/// <remarks>Thread-safe; invocations run concurrently.</remarks>
public sealed class ToolPipeline : IToolInvoker, IToolRegistrar, IDisposable
{
    private readonly ToolRegistry _registry;
    private readonly ToolServices _services;
    private readonly SecurityAuditLog _audit;
    private readonly RateLimiter? _limiter;
    private readonly int _ratePerMinute;
    private readonly List<IToolInterceptor> _interceptors = [];

    public ToolPipeline(ToolRegistry registry, ToolServices services, SecurityAuditLog audit)
    {
        _registry = registry;
        _services = services;
        _audit = audit;
        _ratePerMinute = (int)Math.Clamp(services.Config.GetInt("tools.rate_limit_per_minute", 0), 0, int.MaxValue);
        if (_ratePerMinute > 0)
        {
            _limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
            {
                PermitLimit = _ratePerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }
    }

    /// <summary>The registry behind this pipeline.</summary>
    public ToolRegistry Registry => _registry;

    /// <summary>Adds an interceptor (hooks, events); they run in the order added.</summary>
    public void AddInterceptor(IToolInterceptor interceptor)
    {
        lock (_interceptors)
        {
            _interceptors.Add(interceptor);
        }
    }

    public ToolDescriptor? Find(string name) => _registry.Find(name)?.Descriptor;

    public IReadOnlyList<ToolDescriptor> List() => [.. _registry.All().Select(t => t.Descriptor)];

    public Task<ComponentOutput> InvokeAsync(string name, JsonObject parameters, ToolCaller caller, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ToolTelemetry.IsListening
            ? ToolTelemetry.TraceAsync(name, caller, () => InvokeCoreAsync(name, parameters, caller, timeout, cancellationToken))
            : InvokeCoreAsync(name, parameters, caller, timeout, cancellationToken);

    private async Task<ComponentOutput> InvokeCoreAsync(string name, JsonObject parameters, ToolCaller caller, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var tool = Resolve(name);
        var toolName = tool.Descriptor.Name;
        CheckRateLimit(toolName);
        var invocation = new ToolInvocation(tool, parameters, caller);
        var interceptors = Interceptors();
        try
        {
            foreach (var i in interceptors)
            {
                await i.BeforeValidationAsync(invocation, cancellationToken).ConfigureAwait(false);
            }

            invocation.Parameters = ParameterValidator.Validate(tool.Descriptor, invocation.Parameters);
            foreach (var i in interceptors)
            {
                await i.BeforeExecutionAsync(invocation, cancellationToken).ConfigureAwait(false);
            }

            // A BeforeToolExecution interceptor may replace the call by setting an output.
            invocation.Output ??= await ExecuteAsync(invocation, timeout ?? tool.Descriptor.DefaultTimeout, cancellationToken).ConfigureAwait(false);
            invocation.Output.Metadata["tool"] = toolName;
            invocation.Output.Metadata["execution_time_ms"] = (long)invocation.Elapsed.TotalMilliseconds;
            foreach (var i in interceptors)
            {
                await i.AfterExecutionAsync(invocation, cancellationToken).ConfigureAwait(false);
            }

            return invocation.Output;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var failure = ToScriptError(toolName, caller, ex);
            invocation.Error = failure;
            foreach (var i in interceptors)
            {
                await i.OnErrorAsync(invocation, CancellationToken.None).ConfigureAwait(false);
            }

            throw failure;
        }
    }

    public bool TryRegister(ToolDescriptor descriptor, Func<JsonObject, ToolCaller, CancellationToken, Task<ComponentOutput>> run) =>
        _registry.TryAdd(new ServiceTool(descriptor, run));

    public bool Unregister(string name) => _registry.Remove(name);

    public void Dispose() => _limiter?.Dispose();

    private ITool Resolve(string name)
    {
        if (_registry.Find(name) is { } tool)
        {
            return tool;
        }

        throw new ScriptException(_registry.IsDisabled(name) ? $"Tool '{name}' is disabled by configuration" : $"Tool '{name}' not found");
    }

    private void CheckRateLimit(string toolName)
    {
        if (_limiter is null)
        {
            return;
        }

        using var lease = _limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            throw new ScriptException($"Tool '{toolName}' failed: rate limit exceeded ({_ratePerMinute} per minute)");
        }
    }

    private async Task<ComponentOutput> ExecuteAsync(ToolInvocation invocation, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var descriptor = invocation.Descriptor;
        var request = new ToolRequest(descriptor.Name, invocation.Parameters, invocation.Caller, _services);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = _services.Time.GetTimestamp();

        // Task.Run so that tools doing synchronous work cannot hold the caller past the time limit.
        var work = Task.Run(() => invocation.Tool.ExecuteAsync(request, cts.Token), CancellationToken.None);
        ComponentOutput output;
        try
        {
            output = await work.WaitAsync(timeout, _services.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await cts.CancelAsync().ConfigureAwait(false);
            throw ToolFailureException.Failed($"timed out after {(long)timeout.TotalMilliseconds} ms", "timeout");
        }

        invocation.Elapsed = _services.Time.GetElapsedTime(started);
        return output;
    }

    private ScriptException ToScriptError(string toolName, ToolCaller caller, Exception ex)
    {
        switch (ex)
        {
            case ToolFailureException f:
                if (f.Kind == ToolFailureKind.SecurityViolation)
                {
                    _audit.Record(toolName, caller, f.Message);
                }

                return f.ToScriptException(toolName);
            case ScriptException s when s.Message.StartsWith($"Tool '{toolName}' ", StringComparison.Ordinal):
                return s;
            default:
                return new ScriptException($"Tool '{toolName}' failed: {ex.Message}", ex);
        }
    }

    private List<IToolInterceptor> Interceptors()
    {
        lock (_interceptors)
        {
            return [.. _interceptors];
        }
    }
}
