using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Components;

/// <summary>
/// What agents and tools produce: text, how to read it, metadata and media. <see cref="ToScriptValue"/>
/// applies the conversion rule of runtime.md §7 once for every engine.
/// </summary>
public sealed class ComponentOutput
{
    private ComponentOutput(OutputKind kind, string text, JsonNode? value)
    {
        Kind = kind;
        Text = text;
        Value = value;
    }

    public OutputKind Kind { get; }

    /// <summary>The output text (envelope JSON in pretty form, prose, reply text).</summary>
    public string Text { get; }

    /// <summary>The structured value (the envelope object, or the JSON value of a Lua tool).</summary>
    public JsonNode? Value { get; }

    /// <summary>Component metadata (tool, execution_time_ms, agent, usage, ...); wins over envelope metadata.</summary>
    public JsonObject Metadata { get; } = [];

    /// <summary>Images, when the output carries any (runtime.md §7.3).</summary>
    public JsonArray? Media { get; set; }

    /// <summary>Extra top-level fields (streaming replies add chunks_received and success).</summary>
    public JsonObject? Extra { get; set; }

    /// <summary>For prose outputs that report a failure (file_operations, tools.md §5.19): the message.</summary>
    public string? FailureMessage { get; private init; }

    /// <summary>True when the output reports a failure as data (failure envelope or failure result).</summary>
    public bool IsFailure => FailureMessage is not null || (Kind == OutputKind.Envelope && Value?["success"]?.GetValueKind() == System.Text.Json.JsonValueKind.False);

    public static ComponentOutput Envelope(JsonObject envelope) =>
        new(OutputKind.Envelope, JsonText.Pretty(envelope, keepOrder: true), envelope);

    public static ComponentOutput Json(JsonNode? value) =>
        new(OutputKind.Json, JsonText.Compact(value), value);

    public static ComponentOutput Prose(string text) => new(OutputKind.Prose, text, null);

    /// <summary>A prose output that failed while running: <c>{ success = false, error = message }</c>.</summary>
    public static ComponentOutput ProseFailure(string message) =>
        new(OutputKind.Prose, message, null) { FailureMessage = message };

    public static ComponentOutput Reply(string text) => new(OutputKind.Reply, text, null);

    /// <summary>Builds the script-facing table (runtime.md §7.1).</summary>
    public JsonObject ToScriptValue()
    {
        var table = new JsonObject();
        var metadata = new JsonObject();
        switch (Kind)
        {
            case OutputKind.Envelope:
                foreach (var (key, value) in (JsonObject)Value!)
                {
                    if (key == "metadata" && value is JsonObject envMeta)
                    {
                        foreach (var (mk, mv) in envMeta)
                        {
                            metadata[mk] = mv?.DeepClone();
                        }

                        continue;
                    }

                    table[key] = value?.DeepClone();
                }

                table["_raw_text"] = Text;
                break;
            case OutputKind.Json:
                table["data"] = Value?.DeepClone();
                table["text"] = Text;
                break;
            case OutputKind.Prose when FailureMessage is not null:
                table["success"] = false;
                table["error"] = FailureMessage;
                break;
            case OutputKind.Prose:
                table["text"] = Text;
                break;
            case OutputKind.Reply:
                table["text"] = Text;
                var trimmed = Text.Trim();
                if (trimmed.Length > 1 && (trimmed[0] == '{' || trimmed[0] == '['))
                {
                    try
                    {
                        if (JsonText.Parse(trimmed) is { } data and (JsonObject or JsonArray))
                        {
                            table["data"] = data;
                        }
                    }
                    catch (JsonParseException)
                    {
                        // Not JSON: the reply stays plain text.
                    }
                }

                break;
        }

        foreach (var (k, v) in Metadata)
        {
            metadata[k] = v?.DeepClone();
        }

        table["metadata"] = metadata;
        if (Media is { Count: > 0 })
        {
            table["media"] = Media.DeepClone();
        }

        if (Extra is not null)
        {
            foreach (var (k, v) in Extra)
            {
                table[k] = v?.DeepClone();
            }
        }

        return table;
    }
}
