using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LlmSpell.TestUtilities;

/// <summary>One request the fake LLM server received.</summary>
public sealed record FakeLlmRequest(string Path, IReadOnlyDictionary<string, string> Headers, JsonObject? Body)
{
    /// <summary>A header value (case-insensitive), or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}

/// <summary>A scripted misbehaviour for the next request.</summary>
public sealed record FakeLlmFault(int? Status = null, string? Body = null, string? RetryAfter = null, TimeSpan? Delay = null,
    bool Truncate = false, bool Malformed = false, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// In-process LLM server speaking the real wire protocols on 127.0.0.1: OpenAI chat completions
/// (<c>/v1/chat/completions</c>, JSON and SSE with usage), Anthropic messages (<c>/v1/messages</c>,
/// JSON and SSE events), Ollama (<c>/api/chat</c>, JSON and NDJSON) and embeddings
/// (<c>/v1/embeddings</c>, <c>/api/embed</c>). Replies "Echo: &lt;last user message&gt;" unless
/// told otherwise; queued faults answer 429/500/401, delay, truncate a stream or send malformed JSON.
/// Records every request. Usage is always 10 prompt and 5 completion tokens.
/// </summary>
public sealed class FakeLlmServer : IAsyncDisposable
{
    public const int PromptTokens = 10;
    public const int CompletionTokens = 5;

    private readonly ConcurrentQueue<FakeLlmFault> _faults = new();
    private readonly ConcurrentQueue<string> _replies = new();
    private readonly ConcurrentQueue<(string Name, string Arguments)> _toolCalls = new();
    private readonly ConcurrentQueue<FakeLlmRequest> _requests = new();
    private LoopbackServer? _server;

    private FakeLlmServer()
    {
    }

    /// <summary>"http://127.0.0.1:port".</summary>
    public string BaseUrl => _server!.BaseUrl;

    /// <summary>Base URL for OpenAI-compatible providers ("…/v1").</summary>
    public string OpenAiBase => BaseUrl + "/v1";

    public IReadOnlyList<FakeLlmRequest> Requests => [.. _requests];

    /// <summary>
    /// Whether requests are kept for <see cref="Requests"/> (default). Benchmarks turn it off: a
    /// server that keeps every request grows the heap of the process under measurement.
    /// </summary>
    public bool RecordRequests { get; set; } = true;

    /// <summary>Requests to chat endpoints only.</summary>
    public int ChatRequestCount => _requests.Count(r => !r.Path.Contains("embed", StringComparison.Ordinal));

    public static async Task<FakeLlmServer> StartAsync()
    {
        var fake = new FakeLlmServer();
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v1/chat/completions", ctx => fake.Handle(ctx, FakeLlmWire.OpenAi));
            app.MapPost("/v1/messages", ctx => fake.Handle(ctx, FakeLlmWire.Anthropic));
            app.MapPost("/api/chat", ctx => fake.Handle(ctx, FakeLlmWire.Ollama));
            app.MapPost("/v1/embeddings", ctx => fake.Handle(ctx, FakeLlmWire.OpenAiEmbeddings));
            app.MapPost("/api/embed", ctx => fake.Handle(ctx, FakeLlmWire.OllamaEmbeddings));
        });
        return fake;
    }

    /// <summary>Queues a misbehaviour for the next request.</summary>
    public FakeLlmServer Fault(FakeLlmFault fault)
    {
        _faults.Enqueue(fault);
        return this;
    }

    /// <summary>Queues a fixed reply text.</summary>
    public FakeLlmServer Reply(string text)
    {
        _replies.Enqueue(text);
        return this;
    }

    /// <summary>The next chat request is answered with a call of tool <paramref name="name"/>.</summary>
    public FakeLlmServer ToolCall(string name, string argumentsJson)
    {
        _toolCalls.Enqueue((name, argumentsJson));
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task Handle(HttpContext ctx, Func<FakeLlmTurn, HttpContext, Task> wire)
    {
        var body = await JsonNode.ParseAsync(ctx.Request.Body) as JsonObject;
        var headers = ctx.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        if (RecordRequests)
        {
            _requests.Enqueue(new FakeLlmRequest(ctx.Request.Path, headers, body));
        }
        _faults.TryDequeue(out var fault);
        if (fault?.Delay is { } delay)
        {
            await Task.Delay(delay, ctx.RequestAborted);
        }

        foreach (var (k, v) in fault?.Headers ?? new Dictionary<string, string>())
        {
            ctx.Response.Headers[k] = v;
        }

        if (fault?.Status is { } status)
        {
            ctx.Response.StatusCode = status;
            if (fault.RetryAfter is not null)
            {
                ctx.Response.Headers.RetryAfter = fault.RetryAfter;
            }

            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(fault.Body ?? $"{{\"error\":{{\"message\":\"fake error {status}\",\"type\":\"fake\"}}}}");
            return;
        }

        if (fault?.Malformed == true)
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("{\"id\": \"broken\", \"choices\": [ {");
            return;
        }

        var turn = FakeLlmTurn.From(ctx.Request.Path, body);
        turn.Truncate = fault?.Truncate == true;
        if (_toolCalls.TryDequeue(out var call))
        {
            turn.ToolName = call.Name;
            turn.ToolArguments = call.Arguments;
        }
        else if (_replies.TryDequeue(out var text))
        {
            turn.Text = text;
        }

        await wire(turn, ctx);
    }
}
