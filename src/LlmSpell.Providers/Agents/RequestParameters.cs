using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LlmSpell.Providers;
using LlmSpell.Providers.Clients;
using LlmSpell.Providers.Configuration;
using LlmSpell.Values;
using Microsoft.Extensions.AI;

namespace LlmSpell.Agents;

/// <summary>
/// Per-call <c>parameters</c> beyond temperature and max_tokens (globals.md §1.4): <c>stop</c> (string or
/// array), <c>response_format</c> (<c>"json"</c>, <c>{ type = "json_object" }</c>, <c>{ type = "json_schema",
/// json_schema = { name, schema, description? } }</c>) and every other key, which is passed to the
/// provider request unchanged (<c>extra_body</c>).
/// </summary>
/// <remarks>
/// How extra keys reach the wire depends on the SDK behind each protocol:
/// OpenAI-compatible: written into the request body by the OpenAI SDK's <c>JsonPatch</c> on the raw
/// <c>ChatCompletionOptions</c> (the M.E.AI adapter does not forward <c>AdditionalProperties</c>).
/// Ollama: the body has no free-form top level, so keys that are Ollama model options (<c>seed</c>,
/// <c>top_k</c>, <c>num_ctx</c>, …) go into <c>options</c> and anything else is dropped with a warning.
/// Anthropic: the SDK's request type models neither extra fields nor temperature/top_p/top_k, so they
/// travel as raw body data of a <c>MessageCreateParams</c> from <c>RawRepresentationFactory</c>.
/// Mock: nothing goes on a wire. Other protocols: extra keys are dropped with a warning.
/// </remarks>
internal static partial class RequestParameters
{
    /// <summary>Keys the agent handles itself; everything else is an extra.</summary>
    private static readonly HashSet<string> Known = ["temperature", "max_tokens", "top_p", "stop", "response_format"];

    /// <summary>Body fields the adapter owns; overriding them would break the exchange.</summary>
    private static readonly HashSet<string> Reserved = ["model", "messages", "stream", "stream_options", "tools", "tool_choice", "functions"];

    /// <summary>Ollama model options (request <c>options</c>), as OllamaSharp reads them from <c>AdditionalProperties</c>.</summary>
    private static readonly HashSet<string> OllamaOptions =
    [
        "num_ctx", "num_predict", "num_keep", "num_batch", "num_gpu", "num_gqa", "num_thread", "main_gpu", "low_vram", "f16_kv",
        "logits_all", "vocab_only", "use_mmap", "use_mlock", "numa", "repeat_last_n", "repeat_penalty", "tfs_z", "typical_p",
        "min_p", "mirostat", "mirostat_eta", "mirostat_tau", "penalize_newline",
    ];

    /// <summary>The stop sequences of a <c>stop</c> value: a string or an array of strings.</summary>
    public static List<string>? Stop(JsonNode? node) => node switch
    {
        JsonArray a => [.. a.Select(x => JsonValues.AsString(x) ?? "").Where(x => x.Length > 0)],
        JsonValue v when JsonValues.AsString(v) is { Length: > 0 } s => [s],
        _ => null,
    };

    /// <summary>The response format of a <c>response_format</c> value, or null for text.</summary>
    public static ChatResponseFormat? ResponseFormat(JsonNode? node)
    {
        var type = node is JsonObject o ? JsonValues.AsString(o["type"]) : JsonValues.AsString(node);
        switch (type)
        {
            case "json" or "json_object":
                return ChatResponseFormat.Json;
            case "json_schema" when node is JsonObject table:
                var spec = table["json_schema"] as JsonObject ?? table;
                if (spec["schema"] is JsonObject schema)
                {
                    return ChatResponseFormat.ForJsonSchema(JsonSerializer.SerializeToElement(schema, ProviderJsonContext.Default.JsonObject),
                        JsonValues.AsString(spec["name"]), JsonValues.AsString(spec["description"]));
                }

                return ChatResponseFormat.Json;
            default:
                return null;
        }
    }

    /// <summary>
    /// Applies the extra keys of <paramref name="parameters"/> to <paramref name="options"/> for the provider's
    /// protocol (and, for Anthropic, the sampling parameters its SDK does not model); keys that cannot be
    /// sent are reported once per run through <see cref="ProviderHub.WarnOnce"/>.
    /// </summary>
    public static void ApplyExtras(ChatOptions options, ProviderSettings settings, JsonObject? parameters, ProviderHub hub)
    {
        var extras = parameters?.Where(kv => !Known.Contains(kv.Key)).ToList() ?? [];
        if (extras.Count > 0)
        {
            ResponseCachingChatClient.NoteExtras(options, JsonText.Compact(new JsonObject(extras.Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())))));
        }

        // OpenAI-compatible servers take max_tokens except for reasoning models (behaviours.md §1.1);
        // the SDK always writes max_completion_tokens, so the request body is patched here rather
        // than re-parsed and rewritten on the way out.
        var patchMaxTokens = settings.Protocol == "openai" && options.MaxOutputTokens is not null && !ModelCapabilities.IsReasoningModel(options.ModelId);
        if ((extras.Count == 0 && settings.Protocol != "anthropic" && !patchMaxTokens) || settings.Protocol == "mock")
        {
            return;
        }

        var forward = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var kv in extras)
        {
            if (Reserved.Contains(kv.Key) || !KeyPattern().IsMatch(kv.Key))
            {
                hub.WarnOnce($"provider '{settings.Name}': request parameter '{kv.Key}' cannot be set per call and was not sent");
            }
            else
            {
                forward.Add(kv);
            }
        }

        switch (settings.Protocol)
        {
            case "openai":
                ForwardOpenAi(options, forward, patchMaxTokens ? options.MaxOutputTokens : null);
                break;
            case "ollama":
                ForwardOllama(options, settings, forward, hub);
                break;
            case "anthropic":
                ForwardAnthropic(options, forward);
                break;
            default:
                foreach (var kv in forward)
                {
                    hub.WarnOnce($"provider '{settings.Name}' ({settings.Protocol}) cannot pass request parameter '{kv.Key}' through; it was not sent");
                }

                break;
        }
    }

    // Parameters M.E.AI models directly (OllamaSharp puts them into the request's options).
    private static bool MapModelled(ChatOptions options, string key, JsonNode? value)
    {
        switch (key)
        {
            case "seed" when JsonValues.AsInteger(value) is { } seed:
                options.Seed = seed;
                return true;
            case "top_k" when JsonValues.AsInteger(value) is { } topK:
                options.TopK = (int)topK;
                return true;
            case "frequency_penalty" when JsonValues.AsDouble(value) is { } fp:
                options.FrequencyPenalty = (float)fp;
                return true;
            case "presence_penalty" when JsonValues.AsDouble(value) is { } pp:
                options.PresencePenalty = (float)pp;
                return true;
            default:
                return false;
        }
    }

    private static void ForwardOpenAi(ChatOptions options, List<KeyValuePair<string, JsonNode?>> extras, int? maxTokens)
    {
        var body = extras.Select(kv => (Path: Encoding.UTF8.GetBytes("$." + kv.Key), Json: kv.Value?.ToJsonString())).ToList();
        // JsonPatch is the SDK's only way to add body fields (flagged "evaluation" by the SDK); the
        // tests assert the body the server receives, so an SDK change shows up there.
#pragma warning disable SCME0001
        options.RawRepresentationFactory = _ =>
        {
            var raw = new OpenAI.Chat.ChatCompletionOptions();
            if (maxTokens is { } limit)
            {
                raw.Patch.Set("$.max_tokens"u8, limit);
                raw.Patch.Remove("$.max_completion_tokens"u8);
            }

            foreach (var (path, json) in body)
            {
                if (json is null)
                {
                    raw.Patch.SetNull(path);
                }
                else
                {
                    raw.Patch.Set(path, BinaryData.FromString(json));
                }
            }

            return raw;
        };
#pragma warning restore SCME0001
    }

    // The Anthropic SDK models neither extra fields nor the sampling parameters (temperature, top_p,
    // top_k), and its M.E.AI adapter drops them; a raw MessageCreateParams carrying them as body data
    // is what the adapter completes with model, messages, system and tools.
    private static void ForwardAnthropic(ChatOptions options, List<KeyValuePair<string, JsonNode?>> extras)
    {
        var body = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (options.Temperature is { } t)
        {
            body["temperature"] = JsonSerializer.SerializeToElement(Math.Round((double)t, 6), ProviderJsonContext.Default.Double);
        }

        if (options.TopP is { } p)
        {
            body["top_p"] = JsonSerializer.SerializeToElement(Math.Round((double)p, 6), ProviderJsonContext.Default.Double);
        }

        foreach (var (key, value) in extras)
        {
            body[key] = JsonSerializer.SerializeToElement(value, ProviderJsonContext.Default.JsonNode);
        }

        if (body.Count == 0)
        {
            return;
        }

        // The adapter reads the required fields of the raw request before completing it: an empty
        // message list (it appends the conversation), the model and the token limit.
        body["messages"] = JsonSerializer.SerializeToElement(Array.Empty<JsonElement>(), ProviderJsonContext.Default.JsonElementArray);
        body["model"] = JsonSerializer.SerializeToElement(options.ModelId, ProviderJsonContext.Default.String);
        body["max_tokens"] = JsonSerializer.SerializeToElement(options.MaxOutputTokens ?? 4096, ProviderJsonContext.Default.Int32);
        options.RawRepresentationFactory = _ => Anthropic.Models.Messages.MessageCreateParams.FromRawUnchecked(
            new Dictionary<string, JsonElement>(), new Dictionary<string, JsonElement>(), body);
    }

    private static void ForwardOllama(ChatOptions options, ProviderSettings settings, List<KeyValuePair<string, JsonNode?>> extras, ProviderHub hub)
    {
        foreach (var (key, value) in extras)
        {
            if (MapModelled(options, key, value))
            {
                continue;
            }

            if (OllamaOptions.Contains(key) && value is JsonValue v && Scalar(v) is { } scalar)
            {
                (options.AdditionalProperties ??= [])[key] = scalar;
            }
            else
            {
                hub.WarnOnce($"provider '{settings.Name}' (ollama) has no request field or model option '{key}'; it was not sent");
            }
        }
    }

    private static object? Scalar(JsonValue v) => JsonValues.Classify(v) switch
    {
        ValueKind.Integer => (int)JsonValues.AsInteger(v)!.Value,
        ValueKind.Float => (float)JsonValues.AsDouble(v)!.Value,
        ValueKind.Boolean => JsonValues.AsBool(v),
        ValueKind.String => JsonValues.AsString(v),
        _ => null,
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex KeyPattern();
}
