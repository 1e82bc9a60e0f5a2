using System.Text.Json.Nodes;

namespace LlmSpell.Agents;

/// <summary>One execute's input after alias resolution (globals.md §1.4).</summary>
public sealed record AgentRequest
{
    /// <summary>The user message as sent (instruction + blank line + text).</summary>
    public required string Message { get; init; }

    public string? SystemPrompt { get; init; }

    /// <summary>Per-call overrides (temperature, max_tokens, top_p, stop, response_format, other keys).</summary>
    public JsonObject? Parameters { get; init; }

    public bool UseHistory { get; init; } = true;

    /// <summary>Context data rendered into the system prompt as a <c>Context:</c> section.</summary>
    public JsonObject? Context { get; init; }

    /// <summary>Image inputs (<c>{ base64, format?, mime_type? }</c> or <c>{ url }</c>).</summary>
    public JsonArray? Media { get; init; }

    public Providers.Usage.UsageAttribution? Attribution { get; init; }

    /// <summary>Parses a script input (a table or a string). Throws <see cref="AgentException"/> when the message is empty.</summary>
    public static AgentRequest From(string agent, JsonNode? input)
    {
        if (input is JsonValue v && v.TryGetValue<string>(out var s))
        {
            input = new JsonObject { ["text"] = s };
        }

        var o = input as JsonObject ?? [];
        string? text = null;
        foreach (var key in new[] { "text", "prompt", "input", "message", "query" })
        {
            if (o[key] is JsonValue tv && tv.TryGetValue<string>(out var t) && t.Length > 0)
            {
                text = t;
                break;
            }
        }

        if (string.IsNullOrEmpty(text))
        {
            throw new AgentException($"Agent '{agent}' failed: input text is empty");
        }

        if (o["instruction"] is JsonValue iv && iv.TryGetValue<string>(out var instruction) && instruction.Length > 0)
        {
            text = instruction + "\n\n" + text;
        }

        JsonArray? media = o["media"] as JsonArray;
        if (media is null && o["image"] is JsonObject image)
        {
            media = [image.DeepClone()];
        }

        return new AgentRequest
        {
            Message = text,
            SystemPrompt = o["system_prompt"] is JsonValue sp && sp.TryGetValue<string>(out var sps) ? sps : null,
            Parameters = o["parameters"] as JsonObject,
            UseHistory = !(o["use_history"] is JsonValue uh && uh.TryGetValue<bool>(out var b) && !b),
            Context = o["context"] as JsonObject,
            Media = media,
        };
    }
}
