using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Agents;
using Microsoft.Extensions.AI;

namespace LlmSpell.Benchmarks;

/// <summary>
/// <c>--layers [rounds]</c>: the CPU cost and allocations of each layer of an <c>agent:execute</c>,
/// with an in-memory HTTP transport that answers at once (no sockets, no thread hops), so the
/// numbers are the client's own work: raw HttpClient → + LLMSpell's HTTP pipeline → OpenAI SDK
/// protocol method → SDK typed client → + M.E.AI adapter → + pipeline → + agent layer.
/// <c>--layers &lt;seconds&gt; &lt;row&gt;</c> loops one row (for <c>perf record</c>).
/// </summary>
internal static class LayerCosts
{
    private const string Body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"You are bench, an AI assistant.\"},{\"role\":\"user\",\"content\":\"hello\"}]}";
    private const string Reply = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello there\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}";
    private const string BaseUrl = "http://127.0.0.1:9/v1";
    private const string Toml = $"[providers.fake]\nprovider_type = \"openai\"\nbase_url = \"{BaseUrl}\"\napi_key = \"sk-bench\"\n";

    /// <summary>Answers every request with a fixed chat completion after reading the request body.</summary>
    private sealed class Canned : HttpMessageHandler
    {
        private static readonly byte[] ReplyBytes = Encoding.UTF8.GetBytes(Reply);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                _ = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }

            var content = new ByteArrayContent(ReplyBytes);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }
    }

    public static void Run(double amount, string? only)
    {
        var raw = new HttpClient(new Canned());
        var (hub, registry) = AgentBenchSetup.Create(Toml, () => new Canned());
        var settings = hub.Resolver.Find("fake")!;
        var ours = hub.CreateChatClient(settings, "gpt-4o-mini");
        var agent = registry.Build(new AgentConfig { Name = "bench", Model = "fake/gpt-4o-mini", MemoryEnabled = false });
        var limited = registry.Build(new AgentConfig { Name = "limited", Model = "fake/gpt-4o-mini", MemoryEnabled = false, MaxTokens = 256 });
        var request = AgentRequest.From("bench", JsonValue.Create("hello"));
        var sdk = new OpenAI.Chat.ChatClient("gpt-4o-mini", new ApiKeyCredential("sk-bench"), new OpenAI.OpenAIClientOptions
        {
            Endpoint = new Uri(BaseUrl), Transport = new HttpClientPipelineTransport(raw), RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = Timeout.InfiniteTimeSpan,
        });
        var mea = sdk.AsIChatClient();
        var sdkMessages = new List<OpenAI.Chat.ChatMessage> { new OpenAI.Chat.SystemChatMessage("You are bench, an AI assistant."), new OpenAI.Chat.UserChatMessage("hello") };
        List<Microsoft.Extensions.AI.ChatMessage> messages = [new(ChatRole.System, "You are bench, an AI assistant."), new(ChatRole.User, "hello")];
        var body = BinaryData.FromString(Body);

        async Task RawPost(HttpClient http)
        {
            using var content = new StringContent(Body, Encoding.UTF8, "application/json");
            using var post = new HttpRequestMessage(HttpMethod.Post, BaseUrl + "/chat/completions") { Content = content };
            post.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sk-bench");
            using var response = await http.SendAsync(post);
            _ = JsonNode.Parse(await response.Content.ReadAsStringAsync())?["choices"]?[0]?["message"]?["content"]?.ToString();
        }

        var lua = AgentBenchSetup.LuaWithAgent(Toml, "fake/gpt-4o-mini", () => new Canned());
        var luaLoop = Encoding.UTF8.GetBytes("local a = bench_agent for i = 1, 100 do a:execute('hello') end");
        var rows = new (string Name, Func<Task> Body)[]
        {
            ("raw HttpClient", () => RawPost(raw)),
            ("SDK protocol method", async () =>
            {
                var r = await sdk.CompleteChatAsync(BinaryContent.Create(body), new RequestOptions());
                _ = JsonNode.Parse(r.GetRawResponse().Content.ToMemory().Span)?["choices"]?[0]?["message"]?["content"]?.ToString();
            }),
            ("SDK typed client", async () => _ = (await sdk.CompleteChatAsync(sdkMessages)).Value.Content[0].Text),
            ("SDK + M.E.AI", async () => _ = (await mea.GetResponseAsync(messages)).Text),
            ("SDK + M.E.AI + pipeline", async () => _ = (await ours.GetResponseAsync(messages, new ChatOptions { ModelId = "gpt-4o-mini" })).Text),
            ("agent.ExecuteAsync", async () => _ = (await agent.ExecuteAsync(request, null, CancellationToken.None)).Text),
            ("agent.ExecuteAsync, max_tokens set", async () => _ = (await limited.ExecuteAsync(request, null, CancellationToken.None)).Text),
            ("Lua agent:execute", () =>
            {
                lua.Execute(luaLoop, "=loop"); // 100 calls: reported per call
                return Task.CompletedTask;
            }),
        };

        if (only is not null)
        {
            var f = rows.FirstOrDefault(r => r.Name.Replace(' ', '-').Equals(only, StringComparison.OrdinalIgnoreCase)).Body
                ?? throw new ArgumentException($"unknown row '{only}' ({string.Join(", ", rows.Select(r => r.Name.Replace(' ', '-')))})");
            var sw = Stopwatch.StartNew();
            var n = 0;
            while (sw.Elapsed.TotalSeconds < amount)
            {
                f().GetAwaiter().GetResult();
                n++;
            }

            Console.WriteLine($"{only}: {sw.Elapsed.TotalMicroseconds / n:F2} us/call");
            return;
        }

        foreach (var (name, row) in rows)
        {
            Repeat(row, name.StartsWith("Lua", StringComparison.Ordinal) ? 50 : 5000);
        }

        var totals = new double[rows.Length];
        var bytes = new long[rows.Length];
        var rounds = (int)amount;
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                totals[i] += Repeat(rows[i].Body, rows[i].Name.StartsWith("Lua", StringComparison.Ordinal) ? 20 : 2000);
                bytes[i] += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }

        Console.WriteLine("| Layer | CPU per call | vs raw | Allocated per call |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (var i = 0; i < rows.Length; i++)
        {
            var calls = rounds * (rows[i].Name.StartsWith("Lua", StringComparison.Ordinal) ? 20.0 * 100 : 2000.0);
            var perCall = totals[i] / calls;
            Console.WriteLine($"| {rows[i].Name} | {perCall:F2} us | {perCall / (totals[0] / (2000.0 * rounds)):F2}x | {(long)(bytes[i] / calls)} B |");
        }

        hub.Dispose();
    }

    private static double Repeat(Func<Task> body, int n)
    {
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            body().GetAwaiter().GetResult();
        }

        return sw.Elapsed.TotalMicroseconds;
    }
}
