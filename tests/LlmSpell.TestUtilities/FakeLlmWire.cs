using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LlmSpell.TestUtilities;

/// <summary>Renders a <see cref="FakeLlmTurn"/> in each vendor's real wire format.</summary>
internal static class FakeLlmWire
{
    private const int P = FakeLlmServer.PromptTokens;
    private const int C = FakeLlmServer.CompletionTokens;

    public static async Task OpenAi(FakeLlmTurn t, HttpContext ctx)
    {
        JsonObject Usage() => new() { ["prompt_tokens"] = P, ["completion_tokens"] = C, ["total_tokens"] = P + C };
        JsonArray ToolCalls(bool delta) => [new JsonObject
        {
            ["index"] = delta ? 0 : null, ["id"] = "call_1", ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = t.ToolName, ["arguments"] = t.ToolArguments },
        }];
        if (!t.Stream)
        {
            var message = new JsonObject { ["role"] = "assistant", ["content"] = t.ToolName is null ? t.Text : null };
            if (t.ToolName is not null)
            {
                message["tool_calls"] = ToolCalls(false);
            }

            await Json(ctx, new JsonObject
            {
                ["id"] = "chatcmpl-1", ["object"] = "chat.completion", ["created"] = 1700000000, ["model"] = t.Model,
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = t.ToolName is null ? "stop" : "tool_calls" }),
                ["usage"] = Usage(),
            });
            return;
        }

        JsonObject Chunk(JsonObject delta, string? finish) => new()
        {
            ["id"] = "chatcmpl-1", ["object"] = "chat.completion.chunk", ["created"] = 1700000000, ["model"] = t.Model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        };
        ctx.Response.ContentType = "text/event-stream";
        if (t.ToolName is not null)
        {
            await Sse(ctx, null, Chunk(new JsonObject { ["role"] = "assistant", ["tool_calls"] = ToolCalls(true) }, null));
            await Sse(ctx, null, Chunk([], "tool_calls"));
        }
        else
        {
            foreach (var piece in t.Chunks())
            {
                await Sse(ctx, null, Chunk(new JsonObject { ["role"] = "assistant", ["content"] = piece }, null));
                if (t.Truncate)
                {
                    await Task.Delay(200);
                    ctx.Abort();
                    return;
                }
            }

            await Sse(ctx, null, Chunk([], "stop"));
        }

        await Sse(ctx, null, new JsonObject
        {
            ["id"] = "chatcmpl-1", ["object"] = "chat.completion.chunk", ["created"] = 1700000000, ["model"] = t.Model,
            ["choices"] = new JsonArray(), ["usage"] = Usage(),
        });
        await ctx.Response.WriteAsync("data: [DONE]\n\n");
    }

    public static async Task Anthropic(FakeLlmTurn t, HttpContext ctx)
    {
        var stop = t.ToolName is null ? "end_turn" : "tool_use";
        JsonObject ToolBlock() => new()
        {
            ["type"] = "tool_use", ["id"] = "toolu_1", ["name"] = t.ToolName, ["input"] = JsonNode.Parse(t.ToolArguments ?? "{}"),
        };
        if (!t.Stream)
        {
            await Json(ctx, new JsonObject
            {
                ["id"] = "msg_1", ["type"] = "message", ["role"] = "assistant", ["model"] = t.Model,
                ["content"] = t.ToolName is null ? new JsonArray(new JsonObject { ["type"] = "text", ["text"] = t.Text }) : new JsonArray(ToolBlock()),
                ["stop_reason"] = stop, ["stop_sequence"] = null,
                ["usage"] = new JsonObject { ["input_tokens"] = P, ["output_tokens"] = C },
            });
            return;
        }

        ctx.Response.ContentType = "text/event-stream";
        await Sse(ctx, "message_start", new JsonObject
        {
            ["type"] = "message_start",
            ["message"] = new JsonObject
            {
                ["id"] = "msg_1", ["type"] = "message", ["role"] = "assistant", ["model"] = t.Model, ["content"] = new JsonArray(),
                ["stop_reason"] = null, ["stop_sequence"] = null, ["usage"] = new JsonObject { ["input_tokens"] = P, ["output_tokens"] = 1 },
            },
        });
        if (t.ToolName is not null)
        {
            var block = ToolBlock();
            block["input"] = new JsonObject();
            await Sse(ctx, "content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = 0, ["content_block"] = block });
            await Sse(ctx, "content_block_delta", new JsonObject
            {
                ["type"] = "content_block_delta", ["index"] = 0,
                ["delta"] = new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = t.ToolArguments ?? "{}" },
            });
        }
        else
        {
            await Sse(ctx, "content_block_start", new JsonObject
            {
                ["type"] = "content_block_start", ["index"] = 0, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" },
            });
            foreach (var piece in t.Chunks())
            {
                await Sse(ctx, "content_block_delta", new JsonObject
                {
                    ["type"] = "content_block_delta", ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = piece },
                });
                if (t.Truncate)
                {
                    await Task.Delay(200);
                    ctx.Abort();
                    return;
                }
            }
        }

        await Sse(ctx, "content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = 0 });
        await Sse(ctx, "message_delta", new JsonObject
        {
            ["type"] = "message_delta", ["delta"] = new JsonObject { ["stop_reason"] = stop, ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = C },
        });
        await Sse(ctx, "message_stop", new JsonObject { ["type"] = "message_stop" });
    }

    public static async Task Ollama(FakeLlmTurn t, HttpContext ctx)
    {
        JsonObject Frame(JsonObject message, bool done)
        {
            var f = new JsonObject { ["model"] = t.Model, ["created_at"] = "2024-01-01T00:00:00Z", ["message"] = message, ["done"] = done };
            if (done)
            {
                f["done_reason"] = "stop";
                f["prompt_eval_count"] = P;
                f["eval_count"] = C;
            }

            return f;
        }

        JsonObject Message(string content) => t.ToolName is null
            ? new JsonObject { ["role"] = "assistant", ["content"] = content }
            : new JsonObject
            {
                ["role"] = "assistant", ["content"] = "",
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["function"] = new JsonObject { ["name"] = t.ToolName, ["arguments"] = JsonNode.Parse(t.ToolArguments ?? "{}") },
                }),
            };
        if (!t.Stream)
        {
            await Json(ctx, Frame(Message(t.Text), true));
            return;
        }

        ctx.Response.ContentType = "application/x-ndjson";
        if (t.ToolName is not null)
        {
            await Line(ctx, Frame(Message(""), false));
        }
        else
        {
            foreach (var piece in t.Chunks())
            {
                await Line(ctx, Frame(Message(piece), false));
                if (t.Truncate)
                {
                    await Task.Delay(200);
                    ctx.Abort();
                    return;
                }
            }
        }

        await Line(ctx, Frame(new JsonObject { ["role"] = "assistant", ["content"] = "" }, true));
    }

    public static Task OpenAiEmbeddings(FakeLlmTurn t, HttpContext ctx) => Json(ctx, new JsonObject
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. t.Inputs.Select((s, i) => (JsonNode?)new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = Vector(s) })]),
        ["model"] = t.Model,
        ["usage"] = new JsonObject { ["prompt_tokens"] = P, ["total_tokens"] = P },
    });

    public static Task OllamaEmbeddings(FakeLlmTurn t, HttpContext ctx) => Json(ctx, new JsonObject
    {
        ["model"] = t.Model, ["embeddings"] = new JsonArray([.. t.Inputs.Select(s => (JsonNode?)Vector(s))]),
    });

    /// <summary>A deterministic 4-dimensional vector derived from the text length.</summary>
    private static JsonArray Vector(string s) => [s.Length, 1.0, 0.5, -0.5];

    private static async Task Json(HttpContext ctx, JsonObject body)
    {
        // One body with its length, as API servers send small JSON replies (not chunked).
        var bytes = System.Text.Encoding.UTF8.GetBytes(body.ToJsonString());
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes);
    }

    private static async Task Sse(HttpContext ctx, string? eventName, JsonObject data)
    {
        var text = (eventName is null ? "" : $"event: {eventName}\n") + $"data: {data.ToJsonString()}\n\n";
        await ctx.Response.WriteAsync(text);
        await ctx.Response.Body.FlushAsync();
    }

    private static async Task Line(HttpContext ctx, JsonObject data)
    {
        await ctx.Response.WriteAsync(data.ToJsonString() + "\n");
        await ctx.Response.Body.FlushAsync();
    }
}
