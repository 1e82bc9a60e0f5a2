using System.Text.Json.Nodes;
using LlmSpell.Components;

namespace LlmSpell.Tools.Infrastructure;

/// <summary>Builds tool envelopes with the key order of tools.md §1.3.</summary>
public static class Envelope
{
    /// <summary>A success envelope: <c>{ operation, success = true, message?, result?, metadata? }</c>.</summary>
    public static ComponentOutput Success(string operation, string? message, JsonNode? result, JsonObject? metadata = null)
    {
        var env = new JsonObject { ["operation"] = operation, ["success"] = true };
        if (!string.IsNullOrEmpty(message))
        {
            env["message"] = message;
        }

        if (result is not null)
        {
            env["result"] = result;
        }

        if (metadata is { Count: > 0 })
        {
            env["metadata"] = metadata;
        }

        return ComponentOutput.Envelope(env);
    }

    /// <summary>A failure envelope: <c>{ operation, success = false, result?, error = { message, code, details = null } }</c>.</summary>
    public static ComponentOutput Failure(string operation, string message, string code, JsonNode? result = null, string? summary = null)
    {
        var env = new JsonObject { ["operation"] = operation, ["success"] = false };
        if (!string.IsNullOrEmpty(summary))
        {
            env["message"] = summary;
        }

        if (result is not null)
        {
            env["result"] = result;
        }

        env["error"] = new JsonObject { ["message"] = message, ["code"] = code, ["details"] = null };
        return ComponentOutput.Envelope(env);
    }
}
