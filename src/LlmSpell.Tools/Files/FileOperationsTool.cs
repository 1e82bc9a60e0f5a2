using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Files;

/// <summary>
/// file_operations (tools.md §5.19): prose output; run-time failures are returned as failure results,
/// invalid parameters raise.
/// </summary>
internal sealed class FileOperationsTool(ToolServices services) : ITool
{
    private static readonly Dictionary<string, string> Operations = new(StringComparer.Ordinal)
    {
        ["read"] = "read",
        ["write"] = "write",
        ["append"] = "append",
        ["delete"] = "delete",
        ["create_dir"] = "create_dir",
        ["mkdir"] = "create_dir",
        ["list_dir"] = "list_dir",
        ["ls"] = "list_dir",
        ["dir"] = "list_dir",
        ["copy"] = "copy",
        ["cp"] = "copy",
        ["move"] = "move",
        ["mv"] = "move",
        ["rename"] = "move",
        ["metadata"] = "metadata",
        ["stat"] = "metadata",
        ["info"] = "metadata",
        ["exists"] = "exists",
    };

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "file_operations",
        Description = "Read, write, append, delete, copy, move, list and inspect files inside the file sandbox",
        Category = "filesystem",
        SecurityLevel = "privileged",
        OutputKind = OutputKind.Prose,
        Parameters =
        [
            // Not marked required: tools.md §5.19 wants a missing operation reported by the tool itself
            // as "parameter 'operation': unknown file operation ''", not by the pipeline's generic message.
            new("operation", "string", "read, write, append, delete, create_dir (mkdir), list_dir (ls, dir), copy (cp), move (mv, rename), metadata (stat, info), exists"),
            new("path", "string", "Target path of most operations (sandboxed)"),
            new("input", "string", "Data for write/append", Aliases: ["content"]),
            new("source_path", "string", "Source of copy/move (sandboxed)"),
            new("target_path", "string", "Target of copy/move (sandboxed)"),
            new("recursive", "boolean", "create_dir: create parents; delete: delete a tree; copy: copy directories; list_dir: descend", Default: false),
            new("overwrite", "boolean", "copy/move: replace an existing target file", Default: true),
            new("encoding", "string", "utf8 or base64", Default: "utf8", Enum: ["utf8", "base64"]),
        ],
    };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var given = request.Operation;
        if (string.IsNullOrEmpty(given) || !Operations.TryGetValue(given, out var operation))
        {
            throw ToolFailureException.InvalidParameters($"parameter 'operation': unknown file operation '{request.String("operation") ?? ""}'");
        }

        var runner = new FileOperationsRunner(services, request);
        runner.ValidateParameters(operation);
        try
        {
            var (text, result) = runner.Run(operation, cancellationToken);
            var envelope = Envelope.Success(operation, text, result);
            var output = ComponentOutput.Prose(text);
            output.Metadata["operation"] = operation;
            output.Metadata["response"] = envelope.Value!.DeepClone();
            return Task.FromResult(output);
        }
        catch (ToolFailureException ex) when (ex.Kind != ToolFailureKind.InvalidParameters)
        {
            var reason = ex.Kind == ToolFailureKind.SecurityViolation ? "security violation: " + ex.Message : ex.Message;
            return Task.FromResult(Failure(operation, reason, ex.Code));
        }
        catch (UnauthorizedAccessException)
        {
            return Task.FromResult(Failure(operation, "permission denied: " + (request.String("path") ?? request.String("source_path")), "execution_error"));
        }
        catch (IOException ex)
        {
            return Task.FromResult(Failure(operation, ex.Message, "execution_error"));
        }
    }

    private static ComponentOutput Failure(string operation, string reason, string code)
    {
        var message = $"{operation}: {reason}";
        var envelope = new JsonObject
        {
            ["operation"] = operation,
            ["success"] = false,
            ["error"] = new JsonObject { ["message"] = message, ["code"] = code },
        };
        var output = ComponentOutput.ProseFailure($"Tool 'file_operations' failed: {message}");
        output.Metadata["operation"] = operation;
        output.Metadata["response"] = envelope;
        return output;
    }
}
