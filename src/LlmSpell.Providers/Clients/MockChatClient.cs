using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using LlmSpell.Providers.Configuration;
using LlmSpell.Providers.Http;
using Microsoft.Extensions.AI;

namespace LlmSpell.Providers.Clients;

/// <summary>
/// The built-in offline <c>mock</c> provider (behaviours.md §1.8) as an <see cref="IChatClient"/>,
/// so agents use it exactly like a real provider: history, streaming, tool calling and usage. Each
/// call passes through the provider's resilience pipeline (model <c>error</c> fails like HTTP 500
/// after the configured retries).
/// </summary>
internal sealed partial class MockChatClient(ProviderSettings settings, string model, ProviderPipeline pipeline, MockRotation rotation) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        using var http = await pipeline.RunAsync(Outcome, cancellationToken).ConfigureAwait(false);
        var message = Reply(list, options);
        var text = message.Text;
        var finish = message.Contents.OfType<FunctionCallContent>().Any() ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop;
        return new ChatResponse(message) { ModelId = model, FinishReason = finish, Usage = Usage(list, text) };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        using var http = await pipeline.RunAsync(Outcome, cancellationToken).ConfigureAwait(false);
        var message = Reply(list, options);
        var calls = message.Contents.OfType<FunctionCallContent>().ToList();
        if (calls.Count > 0)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [.. calls]) { ModelId = model, FinishReason = ChatFinishReason.ToolCalls };
        }
        else
        {
            foreach (Match word in WordRegex().Matches(message.Text))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new ChatResponseUpdate(ChatRole.Assistant, word.Value) { ModelId = model };
            }
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(Usage(list, message.Text))])
        {
            ModelId = model,
            FinishReason = calls.Count > 0 ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private HttpResponseMessage Outcome() => model == "error" && settings.Responses.Count == 0
        ? new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("{\"error\":{\"message\":\"mock provider error\"}}") }
        : new HttpResponseMessage(HttpStatusCode.OK);

    private ChatMessage Reply(List<ChatMessage> messages, ChatOptions? options)
    {
        var lastUser = messages.FindLastIndex(m => m.Role == ChatRole.User);
        var userText = lastUser >= 0 ? messages[lastUser].Text : "";
        var results = messages.Skip(lastUser + 1).SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToList();
        if (results.Count > 0)
        {
            var calls = messages.Skip(lastUser + 1).SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            var last = results[^1];
            var name = calls.FirstOrDefault(c => c.CallId == last.CallId)?.Name ?? "tool";
            return new ChatMessage(ChatRole.Assistant, $"Tool {name} returned: {last.Result}");
        }

        if (options?.Tools is { Count: > 0 } && ToolRegex().Match(userText) is { Success: true } m)
        {
            Dictionary<string, object?> args = [];
            try
            {
                args = JsonSerializer.Deserialize(m.Groups[2].Value.Length == 0 ? "{}" : m.Groups[2].Value, ProviderJsonContext.Default.DictionaryStringObject) ?? [];
            }
            catch (JsonException)
            {
                // Arguments that are not JSON are sent as none; the tool reports what is missing.
            }

            return new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call_" + Guid.NewGuid().ToString("N")[..8], m.Groups[1].Value, args)]);
        }

        if (settings.Responses.Count > 0)
        {
            return new ChatMessage(ChatRole.Assistant, settings.Responses[rotation.Next(settings.Responses.Count)]);
        }

        var reply = model switch
        {
            "echo" or "" => userText,
            "json" => JsonSerializer.Serialize(new Dictionary<string, string> { ["echo"] = userText }, ProviderJsonContext.Default.DictionaryStringString),
            _ => $"Mock response from {model} to: {(userText.Length > 100 ? userText[..100] : userText)}",
        };
        return new ChatMessage(ChatRole.Assistant, reply);
    }

    private static UsageDetails Usage(List<ChatMessage> messages, string reply)
    {
        var prompt = (messages.Sum(m => m.Text.Length) + 3) / 4;
        var completion = (reply.Length + 3) / 4;
        return new UsageDetails { InputTokenCount = prompt, OutputTokenCount = completion, TotalTokenCount = prompt + completion };
    }

    [GeneratedRegex(@"\[\[tool:([A-Za-z0-9_\-]+)\s*(\{.*?\})?\]\]", RegexOptions.Singleline)]
    private static partial Regex ToolRegex();

    [GeneratedRegex(@"\S+\s*|\s+")]
    private static partial Regex WordRegex();
}
