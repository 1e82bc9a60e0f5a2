using System.Text.Json.Nodes;

namespace LlmSpell.TestUtilities;

/// <summary>What the fake LLM server answers to one request (protocol-neutral).</summary>
public sealed class FakeLlmTurn
{
    public required string Model { get; init; }

    public bool Stream { get; init; }

    /// <summary>Reply text (ignored when <see cref="ToolName"/> is set).</summary>
    public string Text { get; set; } = "";

    public string? ToolName { get; set; }

    public string? ToolArguments { get; set; }

    /// <summary>Break the stream after the first chunk.</summary>
    public bool Truncate { get; set; }

    /// <summary>Inputs of an embeddings request.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>Echoes the last user message, or reports the last tool result.</summary>
    public static FakeLlmTurn From(string path, JsonObject? body)
    {
        var model = body?["model"]?.ToString() ?? "unknown";
        var stream = body?["stream"] is JsonValue s && s.TryGetValue<bool>(out var b) && b;
        var inputs = body?["input"] switch
        {
            JsonArray a => a.Select(x => x?.ToString() ?? "").ToList(),
            JsonValue v => [v.ToString()],
            _ => new List<string>(),
        };
        var last = (body?["messages"] as JsonArray)?.LastOrDefault() as JsonObject;
        var role = last?["role"]?.ToString();
        var content = last?["content"];
        string text;
        if (role == "tool")
        {
            text = "Tool said: " + content;
        }
        else if (content is JsonArray parts)
        {
            var result = parts.OfType<JsonObject>().FirstOrDefault(p => p["type"]?.ToString() == "tool_result");
            text = result is not null
                ? "Tool said: " + (result["content"] is JsonArray rc ? string.Concat(rc.OfType<JsonObject>().Select(x => x["text"]?.ToString())) : result["content"]?.ToString())
                : "Echo: " + string.Concat(parts.OfType<JsonObject>().Where(p => p["type"]?.ToString() == "text").Select(p => p["text"]?.ToString()));
        }
        else
        {
            text = "Echo: " + content;
        }

        return new FakeLlmTurn { Model = model, Stream = stream, Text = text, Inputs = inputs };
    }

    /// <summary>The reply split into word-sized chunks.</summary>
    public IReadOnlyList<string> Chunks()
    {
        var words = Text.Split(' ');
        return [.. words.Select((w, i) => i < words.Length - 1 ? w + " " : w)];
    }
}
