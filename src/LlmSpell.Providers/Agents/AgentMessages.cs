using System.Text.Json.Nodes;
using LlmSpell.Providers.Configuration;
using LlmSpell.Values;
using Microsoft.Extensions.AI;

namespace LlmSpell.Agents;

/// <summary>Builds what an execute sends: messages (behaviours.md §2.2) and request parameters (§2.3).</summary>
internal static class AgentMessages
{
    public static List<ChatMessage> Build(LlmAgent agent, ProviderSettings settings, string model, AgentRequest request)
    {
        var system = request.SystemPrompt ?? agent.SystemPrompt;
        if (request.Context is { Count: > 0 } ctx)
        {
            system += "\n\n" + LlmAgent.RenderContext(ctx);
        }

        if (settings.Protocol == "anthropic" && IsJson(agent, request))
        {
            system += "\n\nRespond with a single JSON object.";
        }

        var messages = new List<ChatMessage> { new(ChatRole.System, system) };
        if (agent.MemoryEnabled && request.UseHistory)
        {
            messages.AddRange(agent.History.ForRequest().Select(t => new ChatMessage(t.Role == "user" ? ChatRole.User : ChatRole.Assistant, t.Content)));
        }

        var user = new ChatMessage(ChatRole.User, request.Message);
        if (request.Media is { Count: > 0 } media)
        {
            if (settings.Protocol != "mock" && !ModelCapabilities.SupportsVision(model) && settings.Protocol != "ollama")
            {
                throw new AgentException($"Agent '{agent.Name}' failed: model '{model}' of provider '{settings.Name}' does not accept images");
            }

            foreach (var item in media.OfType<JsonObject>())
            {
                if (JsonValues.AsString(item["url"]) is { } url)
                {
                    user.Contents.Add(new UriContent(new Uri(url), "image/*"));
                }
                else if (JsonValues.AsString(item["base64"]) is { } b64)
                {
                    var mime = JsonValues.AsString(item["mime_type"]) ?? "image/" + (JsonValues.AsString(item["format"]) ?? "png");
                    user.Contents.Add(new DataContent(Convert.FromBase64String(b64), mime));
                }
            }
        }

        messages.Add(user);
        return messages;
    }

    public static ChatOptions Options(LlmAgent agent, ProviderSettings settings, string model, AgentRequest request)
    {
        var p = request.Parameters;
        var custom = agent.Config.CustomConfig;
        var options = new ChatOptions { ModelId = model };
        var reasoning = ModelCapabilities.IsReasoningModel(model);
        var temperature = JsonValues.AsDouble(p?["temperature"]) ?? agent.Config.Temperature ?? JsonValues.AsDouble(custom["temperature"]) ?? settings.Temperature;
        if (temperature is { } t && !(reasoning && settings.Protocol == "openai"))
        {
            options.Temperature = (float)t;
        }

        var maxTokens = JsonValues.AsInteger(p?["max_tokens"]) ?? agent.Config.MaxTokens ?? JsonValues.AsInteger(custom["max_tokens"]) ?? settings.MaxTokens;
        if (maxTokens is { } mt)
        {
            options.MaxOutputTokens = (int)mt;
        }

        if ((JsonValues.AsDouble(p?["top_p"]) ?? agent.Config.TopP) is { } topP)
        {
            options.TopP = (float)topP;
        }

        var stop = RequestParameters.Stop(p?["stop"]) ?? agent.Config.Stop?.ToList();
        if (stop is { Count: > 0 })
        {
            options.StopSequences = stop;
        }

        if (Format(agent, request) is { } format && settings.Protocol != "anthropic")
        {
            options.ResponseFormat = format;
        }

        RequestParameters.ApplyExtras(options, settings, p, agent.Hub);
        return options;
    }

    private static bool IsJson(LlmAgent agent, AgentRequest request) => Format(agent, request) is not null;

    // Per-call response_format wins (even "text"), then the builder setting, then custom_config.
    private static ChatResponseFormat? Format(LlmAgent agent, AgentRequest request) =>
        RequestParameters.ResponseFormat(request.Parameters?["response_format"]
            ?? (agent.Config.ResponseFormat is { } configured ? JsonValue.Create(configured) : agent.Config.CustomConfig["response_format"]));
}
