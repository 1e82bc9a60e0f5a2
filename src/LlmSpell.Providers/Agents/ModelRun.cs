using LlmSpell.Providers;
using LlmSpell.Providers.Clients;
using LlmSpell.Providers.Configuration;
using LlmSpell.Providers.Http;
using LlmSpell.Providers.Usage;
using Microsoft.Extensions.AI;

namespace LlmSpell.Agents;

/// <summary>
/// One execute against one provider/model: the rounds of the function-calling loop, streaming of
/// text deltas, usage recording after every response (so nothing is charged twice: retries happen
/// below, inside the pipeline, and only the response that arrives is recorded), budget checks
/// before every request.
/// </summary>
internal sealed class ModelRun(LlmAgent agent, ProviderHub hub, ProviderSettings settings, string model, IChatClient client)
{
    public async Task<AgentReply> RunAsync(List<ChatMessage> messages, ChatOptions options, ToolCalling tools, Func<string, bool>? onChunk, UsageAttribution who, CancellationToken cancellationToken)
    {
        var rounds = 0;
        long prompt = 0, completion = 0;
        var reported = false;
        double cost = 0;
        var chunks = 0;
        var cancelled = false;
        var cached = false;
        var prices = hub.Prices(settings);
        while (true)
        {
            if (options.Tools is { Count: > 0 } && rounds >= agent.Config.MaxRecursionDepth)
            {
                options.Tools = null;
            }

            var estimate = prices.Cost(model, messages.Sum(m => m.Text.Length) / 4, options.MaxOutputTokens ?? 0);
            hub.Ledger.CheckBudget(settings.Name, agent.Name, estimate, agent.Config.MaxCostUsd, settings.MaxCostUsd);
            ChatResponse response;
            if (onChunk is null)
            {
                response = await client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var updates = new List<ChatResponseUpdate>();
                var health = new StreamHealth();
                StreamHealth.Current = health;
                await foreach (var u in client.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
                {
                    updates.Add(u);
                    if (u.Text is { Length: > 0 } delta)
                    {
                        chunks++;
                        if (!onChunk(delta))
                        {
                            cancelled = true;
                            break;
                        }
                    }
                }

                StreamHealth.Current = null;
                response = updates.ToChatResponse();
                if (!cancelled && health.Failure is { } broken)
                {
                    throw new ProviderException(settings.Name, $"provider '{settings.Name}' stream broke midway (model '{model}'): {broken}");
                }

                if (!cancelled && response.FinishReason is null)
                {
                    throw new ProviderException(settings.Name, $"provider '{settings.Name}' stream ended before the reply was complete (model '{model}')", unavailable: false);
                }
            }

            cached |= response.AdditionalProperties?.ContainsKey(ResponseCachingChatClient.CachedFlag) == true;
            if (response.Usage is { } usage && !cached)
            {
                reported = true;
                var p = usage.InputTokenCount ?? 0;
                var c = usage.OutputTokenCount ?? 0;
                prompt += p;
                completion += c;
                var callCost = prices.Cost(response.ModelId ?? model, p, c);
                cost += callCost;
                hub.Ledger.Record(settings.Name, response.ModelId ?? model, p, c, callCost, who);
            }

            var calls = FunctionCalls(response);
            if (cancelled || calls is null || options.Tools is not { Count: > 0 })
            {
                return new AgentReply
                {
                    Text = response.Text,
                    Provider = settings.Name,
                    Model = response.ModelId ?? model,
                    FinishReason = cancelled ? "cancelled" : Finish(response.FinishReason),
                    PromptTokens = reported ? prompt : null,
                    CompletionTokens = reported ? completion : null,
                    CostUsd = cost,
                    ToolCalls = tools.Count > 0 ? tools.Log : null,
                    Streamed = onChunk is not null,
                    ChunksReceived = chunks,
                    Cached = cached,
                };
            }

            messages.AddRange(response.Messages);
            var results = await tools.RunAsync(calls, cancellationToken).ConfigureAwait(false);
            messages.Add(new ChatMessage(ChatRole.Tool, results));
            rounds++;
        }
    }

    private static List<FunctionCallContent>? FunctionCalls(ChatResponse response)
    {
        List<FunctionCallContent>? calls = null;
        foreach (var message in response.Messages)
        {
            foreach (var content in message.Contents)
            {
                if (content is FunctionCallContent call)
                {
                    (calls ??= []).Add(call);
                }
            }
        }

        return calls;
    }

    private static string Finish(ChatFinishReason? reason) =>
        reason == ChatFinishReason.Length ? "length"
        : reason == ChatFinishReason.ToolCalls ? "tool_calls"
        : reason == ChatFinishReason.ContentFilter ? "content_filter"
        : "stop";
}
