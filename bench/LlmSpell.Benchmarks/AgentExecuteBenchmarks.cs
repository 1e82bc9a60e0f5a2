using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using LlmSpell.Agents;
using LlmSpell.Providers;
using LlmSpell.Scripting.Lua;
using LlmSpell.TestUtilities;

namespace LlmSpell.Benchmarks;

/// <summary>
/// <c>agent:execute</c> round trip (OpenAI SDK + M.E.AI + resilience pipeline + usage ledger)
/// against a zero-latency local fake server, versus a raw HttpClient POST of the same request
/// whose JSON reply is parsed (baseline).
/// </summary>
[MemoryDiagnoser]
public class AgentExecuteBenchmarks
{
    private const string Body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"You are bench, an AI assistant.\"},{\"role\":\"user\",\"content\":\"hello\"}]}";
    private FakeLlmServer _server = null!;
    private HttpClient _raw = null!;
    private ProviderHub _hub = null!;
    private LlmAgent _agent = null!;
    private AgentRequest _request = null!;
    private Microsoft.Extensions.AI.IChatClient _sdkOnly = null!;
    private Microsoft.Extensions.AI.IChatClient _sdkPipeline = null!;
    private List<Microsoft.Extensions.AI.ChatMessage> _messages = null!;
    private LuaEngine _lua = null!;
    private byte[] _luaLoop = null!;
    private const int LuaCalls = 200;

    [GlobalSetup]
    public void Setup()
    {
        _server = FakeLlmServer.StartAsync().GetAwaiter().GetResult();
        _server.RecordRequests = false; // a server keeping every request would grow this process's heap run after run
        _raw = new HttpClient();
        var toml = $"[providers.fake]\nprovider_type = \"openai\"\nbase_url = \"{_server.OpenAiBase}\"\napi_key = \"sk-bench\"\n";
        (_hub, var registry) = AgentBenchSetup.Create(toml);
        _agent = registry.Build(new AgentConfig { Name = "bench", Model = "fake/gpt-4o-mini", MemoryEnabled = false });
        _request = AgentRequest.From("bench", JsonValue.Create("hello"));
        _sdkOnly = Microsoft.Extensions.AI.OpenAIClientExtensions.AsIChatClient(new OpenAI.Chat.ChatClient("gpt-4o-mini", new System.ClientModel.ApiKeyCredential("sk-bench"),
            new OpenAI.OpenAIClientOptions { Endpoint = new Uri(_server.OpenAiBase) }));
        _sdkPipeline = _hub.CreateChatClient(_hub.Resolver.Find("fake")!, "gpt-4o-mini");
        _messages = [new(Microsoft.Extensions.AI.ChatRole.System, "You are bench, an AI assistant."), new(Microsoft.Extensions.AI.ChatRole.User, "hello")];

        // The same agent built and called from a Lua script through the real runtime modules.
        _lua = AgentBenchSetup.LuaWithAgent(toml, "fake/gpt-4o-mini");
        _luaLoop = Encoding.UTF8.GetBytes($"local a = bench_agent for i = 1, {LuaCalls} do a:execute('hello') end");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _lua.Dispose();
        _hub.Dispose();
        _raw.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public async Task<string?> RawHttpClientPost()
    {
        using var content = new StringContent(Body, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.OpenAiBase + "/chat/completions") { Content = content };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sk-bench");
        using var response = await _raw.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return json?["choices"]?[0]?["message"]?["content"]?.ToString();
    }

    /// <summary>The same request through the OpenAI SDK and M.E.AI alone (no LLMSpell pipeline), to separate SDK cost from ours.</summary>
    [Benchmark]
    public async Task<string> SdkOnlyChatClient() => (await _sdkOnly.GetResponseAsync(_messages)).Text;

    /// <summary>The SDK client as agents get it (through the provider's resilience pipeline), without the agent layer.</summary>
    [Benchmark]
    public async Task<string> SdkThroughPipeline() => (await _sdkPipeline.GetResponseAsync(_messages)).Text;

    [Benchmark]
    public async Task<string> AgentExecute() => (await _agent.ExecuteAsync(_request, null, CancellationToken.None)).Text;

    /// <summary><c>agent:execute("hello")</c> from a Lua loop (the script-level round trip, Lua binding included).</summary>
    [Benchmark(OperationsPerInvoke = LuaCalls)]
    public void LuaAgentExecute() => _lua.Execute(_luaLoop, "=loop");
}
