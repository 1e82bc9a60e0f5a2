using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using LlmSpell.Providers.Configuration;
using LlmSpell.Providers.Http;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace LlmSpell.Providers.Clients;

/// <summary>
/// Creates the Microsoft.Extensions.AI client for a provider protocol through the vendor SDKs
/// (OpenAI SDK, Anthropic SDK, OllamaSharp), all sending through the provider's pipeline
/// <paramref name="http"/>. SDK-level retries are off: the pipeline owns retries. No network call.
/// </summary>
internal static class ChatClientFactory
{
    public static IChatClient Create(ProviderSettings settings, string model, HttpClient http, Func<IChatClient> mock) => settings.Protocol switch
    {
        "openai" => new OpenAI.Chat.ChatClient(model, new ApiKeyCredential(settings.ApiKey ?? ResilienceHandler.NoKey), OpenAiOptions(settings, http)).AsIChatClient(),
        "anthropic" => Anthropic(settings, http).AsIChatClient(model, settings.MaxTokens ?? 4096),
        "ollama" => new OllamaApiClient(WithBase(http, settings.BaseUrl), model),
        "mock" => mock(),
        _ => throw new ProviderException(settings.Name, $"provider '{settings.Name}' has an unsupported protocol '{settings.Protocol}'"),
    };

    public static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddings(ProviderSettings settings, string model, HttpClient http) => settings.Protocol switch
    {
        "openai" => new OpenAI.Embeddings.EmbeddingClient(model, new ApiKeyCredential(settings.ApiKey ?? ResilienceHandler.NoKey), OpenAiOptions(settings, http)).AsIEmbeddingGenerator(),
        "ollama" => new OllamaApiClient(WithBase(http, settings.BaseUrl), model),
        _ => throw new ProviderException(settings.Name, $"provider '{settings.Name}' does not offer embeddings"),
    };

    private static OpenAIClientOptions OpenAiOptions(ProviderSettings settings, HttpClient http) => new()
    {
        Endpoint = new Uri(settings.BaseUrl),
        Transport = new HttpClientPipelineTransport(http),
        RetryPolicy = new ClientRetryPolicy(0),
        NetworkTimeout = Timeout.InfiniteTimeSpan,
        OrganizationId = settings.Organization,
    };

    private static AnthropicClient Anthropic(ProviderSettings settings, HttpClient http)
    {
        AnthropicNativeJson.Prepare();
        return new()
        {
            ApiKey = settings.ApiKey,
            BaseUrl = AnthropicBase(settings.BaseUrl),
            HttpClient = http,
            MaxRetries = 0,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The SDK appends /v1/messages; a base ending in /v1 (allowed by behaviours.md §1.1) loses that suffix.</summary>
    internal static string AnthropicBase(string baseUrl) =>
        baseUrl.EndsWith("/v1", StringComparison.Ordinal) ? baseUrl[..^3] : baseUrl;

    private static HttpClient WithBase(HttpClient http, string baseUrl)
    {
        if (http.BaseAddress is null)
        {
            http.BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/");
        }

        return http;
    }
}
