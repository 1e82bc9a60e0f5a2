using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Values;

namespace LlmSpell.Tools.Sys;

/// <summary>process_executor (tools.md §5.23): runs an allowed program under the process policy.</summary>
internal sealed class ProcessExecutorTool(ToolServices services, ProcessPolicy policy) : ITool
{
    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "process_executor",
        Description = "Run an allowed program with an argument vector (no shell), captured output and a timeout",
        Category = "system",
        SecurityLevel = "restricted",
        Parameters =
        [
            Param.Str("executable", "program name (resolved on PATH) or absolute path", required: true, aliases: ["command"]),
            Param.Array("arguments", "argument vector, passed without a shell", aliases: ["args"]),
            Param.Str("working_directory", "working directory (sandboxed)"),
            Param.Obj("environment", "extra environment variables; only names in tools.system.allowed_env_vars pass"),
            Param.Str("stdin", "text written to the program's standard input"),
            Param.Int("timeout_ms", "kill the program after this many milliseconds"),
        ],
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var executable = request.RequireString("executable").Trim();
        var arguments = SysText.Strings(request, "arguments");
        var path = policy.Admit(executable);
        var workingDirectory = WorkingDirectory(request);
        var timeoutMs = SysText.OptInt(request, "timeout_ms") ?? services.Config.GetInt("tools.system.command_timeout_seconds", 30) * 1000;
        if (timeoutMs <= 0)
        {
            throw ToolFailureException.InvalidParameters("parameter 'timeout_ms': must be positive");
        }

        var environment = policy.ChildEnvironment(RequestedEnvironment(request));
        var outcome = await ProcessRunner.RunAsync(
            path, arguments, workingDirectory, environment, request.String("stdin"), policy.MaxOutputBytes,
            TimeSpan.FromMilliseconds(timeoutMs), services.Time, cancellationToken);

        var success = !outcome.TimedOut && outcome.ExitCode == 0;
        var result = new JsonObject
        {
            ["executable"] = executable,
            ["arguments"] = new JsonArray([.. arguments.Select(a => (JsonNode?)JsonValue.Create(a))]),
            ["exit_code"] = outcome.ExitCode,
            ["success"] = success,
            ["stdout"] = outcome.Stdout,
            ["stderr"] = outcome.Stderr,
            ["execution_time_ms"] = outcome.ElapsedMs,
            ["timed_out"] = outcome.TimedOut,
            ["truncated"] = outcome.Truncated,
        };
        var message = outcome.TimedOut ? $"Process '{executable}' timed out after {timeoutMs}ms"
            : success ? $"Process '{executable}' executed successfully in {outcome.ElapsedMs}ms"
            : $"Process '{executable}' failed with exit code {outcome.ExitCode}";
        return Envelope.Success("execute", message, result);
    }

    private string WorkingDirectory(ToolRequest request)
    {
        var given = request.String("working_directory");
        if (given is not null)
        {
            var canonical = services.AdmitPath(given);
            return Directory.Exists(canonical) ? canonical : throw ToolFailureException.Failed($"working directory '{given}' does not exist", "not_found");
        }

        var cwd = Directory.GetCurrentDirectory();
        if (services.Sandbox.Check(cwd, out var admitted) is null)
        {
            return admitted;
        }

        return services.Sandbox.Roots.FirstOrDefault(Directory.Exists) ?? Path.GetTempPath();
    }

    private static Dictionary<string, string>? RequestedEnvironment(ToolRequest request)
    {
        var node = request["environment"];
        if (node is null)
        {
            return null;
        }

        if (node is JsonArray { Count: 0 })
        {
            return null;
        }

        if (node is not JsonObject map)
        {
            throw ToolFailureException.InvalidParameters($"parameter 'environment': expected table, got {JsonValues.ScriptTypeName(node)}");
        }

        return map.ToDictionary(p => p.Key, p => JsonValues.AsString(p.Value) ?? (p.Value is null ? string.Empty : JsonText.Compact(p.Value)));
    }
}
