using System.Text;
using LlmSpell.Providers.Http;
using Microsoft.Extensions.AI;

namespace LlmSpell.Providers.Clients;

/// <summary>
/// Serves identical non-streaming requests from memory (opt-in: <c>providers.&lt;n&gt;.cache</c> or
/// <c>runtime.response_cache</c>). It sits above the resilience pipeline: a hit takes no rate-limit
/// slot, cannot trip the breaker and is not charged. Hand-written rather than
/// DistributedCachingChatClient because it needs a TTL on the run's <see cref="TimeProvider"/>, an
/// entry cap, and a visible <c>cached</c> flag for usage accounting.
/// </summary>
internal sealed class ResponseCachingChatClient(IChatClient inner, string provider, ResponseCache cache, IProviderEvents events) : DelegatingChatClient(inner)
{
    /// <summary>Additional-property key set on responses served from the cache.</summary>
    public const string CachedFlag = "llmspell_cached";

    // Request fields that travel inside opaque SDK request objects (RawRepresentationFactory), which
    // the key cannot look into, noted by whoever put them there.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ChatOptions, string> Extras = [];

    /// <summary>Notes the extra request fields of <paramref name="options"/> (compact JSON) so the cache key covers them.</summary>
    public static void NoteExtras(ChatOptions options, string json) => Extras.AddOrUpdate(options, json);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var key = Key(list, options);
        var found = cache.TryGet(key, out var hit);
        Telemetry.LlmSpellTelemetry.RecordCache("response", found);
        if (found)
        {
            events.Publish("provider.cache_hit", new System.Text.Json.Nodes.JsonObject { ["provider"] = provider });
            var copy = new ChatResponse(hit.Messages.ToList()) { ModelId = hit.ModelId, FinishReason = hit.FinishReason };
            (copy.AdditionalProperties ??= [])[CachedFlag] = true;
            return copy;
        }

        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        if (!response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Any())
        {
            cache.Set(key, response);
        }

        return response;
    }

    private string Key(List<ChatMessage> messages, ChatOptions? options)
    {
        var sb = new StringBuilder(provider).Append('\n');
        sb.Append(options?.ModelId).Append('|').Append(options?.Temperature).Append('|').Append(options?.MaxOutputTokens).Append('|')
            .Append(options?.TopP).Append('|').Append(options?.ResponseFormat?.GetType().Name).Append('|')
            .Append(string.Join(",", options?.StopSequences ?? [])).Append('|')
            .Append(string.Join(",", options?.Tools?.Select(t => t.Name) ?? [])).Append('|')
            .Append(options?.ResponseFormat is ChatResponseFormatJson { Schema: { } schema } ? schema.GetRawText() : null).Append('|')
            .Append(options is not null && Extras.TryGetValue(options, out var extras) ? extras : null).Append('\n');
        foreach (var m in messages)
        {
            sb.Append(m.Role.Value).Append(':').Append(m.Text.Length).Append(':').Append(m.Text).Append('\n');
        }

        return sb.ToString();
    }
}
