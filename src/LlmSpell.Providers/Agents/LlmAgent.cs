using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Providers;
using LlmSpell.Providers.Configuration;
using LlmSpell.Providers.Http;
using LlmSpell.Providers.Usage;
using LlmSpell.Telemetry;
using LlmSpell.Tools;
using LlmSpell.Values;
using Microsoft.Extensions.AI;

namespace LlmSpell.Agents;

/// <summary>
/// A built agent (behaviours.md §2): configuration, history, metrics, lifecycle, and execute with
/// the function-calling loop, streaming and the fallback model chain. Serves one execute at a time
/// (concurrent calls queue in arrival order).
/// </summary>
public sealed class LlmAgent
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ProviderHub _hub;
    private readonly IToolInvoker? _tools;
    private readonly Lazy<IChatClient>? _client;

    internal LlmAgent(AgentConfig config, string name, ProviderSettings? settings, string? model, ProviderHub hub, IToolInvoker? tools)
    {
        Config = config;
        Name = name;
        Settings = settings;
        Model = model;
        _hub = hub;
        _tools = tools;
        CreatedAt = hub.Time.GetUtcNow();
        History = new ConversationHistory(config.MaxConversationLength ?? (int?)JsonValues.AsInteger(config.CustomConfig["max_conversation_length"]) ?? 100);
        Lifecycle = new AgentLifecycle(name, hub.Time);
        if (settings is not null && model is not null)
        {
            _client = new Lazy<IChatClient>(() => hub.CreateChatClient(settings, model));
        }
    }

    public AgentConfig Config { get; }

    /// <summary>The run's providers (per-call parameter warnings go through it).</summary>
    internal ProviderHub Hub => _hub;

    public string Name { get; }

    public string Id { get; } = Guid.NewGuid().ToString();

    public string Type => Config.Type;

    /// <summary>Effective provider settings (with the agent's base URL/key overrides); null for basic agents.</summary>
    public ProviderSettings? Settings { get; }

    public string? Model { get; }

    public DateTimeOffset CreatedAt { get; }

    public ConversationHistory History { get; }

    public AgentMetrics Metrics { get; } = new();

    public AgentLifecycle Lifecycle { get; }

    public bool Destroyed { get; set; }

    /// <summary>Members of a composite agent (behaviours.md §2.9), and how they run ("sequential" or "parallel").</summary>
    public (IReadOnlyList<LlmAgent> Agents, string Mode)? Composite { get; init; }

    /// <summary>The system prompt when none is set: "You are &lt;name&gt;, an AI assistant." plus the description.</summary>
    public string SystemPrompt =>
        Config.SystemPrompt ?? JsonValues.AsString(Config.CustomConfig["system_prompt"])
        ?? $"You are {Name}, an AI assistant." + (Config.Description.Length > 0 ? " " + Config.Description : "");

    public bool MemoryEnabled => Config.MemoryEnabled ?? JsonValues.AsBool(Config.CustomConfig["memory_enabled"]) ?? true;

    /// <summary>Runs one execute. <paramref name="onChunk"/> receives text deltas (return false to stop); null = not streamed.</summary>
    public async Task<AgentReply> ExecuteAsync(AgentRequest request, Func<string, bool>? onChunk, CancellationToken cancellationToken)
    {
        // Only an agent that can call out (tools, composite members) can be reached again through its
        // own wrapped tool; the chain is an AsyncLocal, which costs every await of the call, so agents
        // without tools stay out of it.
        if (Config.AllowedTools.Count > 0 || Composite is not null)
        {
            AgentCallChain.Enter(this);
        }

        Lifecycle.BeginExecute();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var start = _hub.Time.GetTimestamp();
        using var span = Spans.Agent(Name, Settings?.Name, Model);
        Metrics.Started();
        AgentReply? reply = null;
        var limit = TimeSpan.FromSeconds(Config.MaxExecutionTimeSeconds);
        using var timeout = new CancellationTokenSource(limit, _hub.Time);
        // A second (linked) source only when the caller can cancel too.
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token) : null;
        var token = linked?.Token ?? timeout.Token;
        try
        {
            reply = Composite is { } composite ? await RunComposite(composite.Agents, composite.Mode, request, onChunk, token).ConfigureAwait(false)
                : Type == "basic" ? Echo(request, onChunk)
                : await RunWithFallback(request, onChunk, token).ConfigureAwait(false);
            reply = reply with { ExecutionTimeMs = (long)_hub.Time.GetElapsedTime(start).TotalMilliseconds };
            if (MemoryEnabled && request.UseHistory)
            {
                History.Append(request.Message, reply.Text);
            }

            return reply;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Fail($"execution time limit of {Config.MaxExecutionTimeSeconds} s exceeded", null);
        }
        catch (AgentException ex)
        {
            Lifecycle.Failed(ex.Message);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var provider = ProviderException.Find(ex);
            var io = ex as IOException ?? ex.InnerException as IOException;
            throw Fail(provider?.Message
                ?? (io is not null
                    ? $"provider '{Settings?.Name}' stream broke midway (model '{Model}'): {io.Message}"
                    : $"provider '{Settings?.Name}' returned an unreadable reply for model '{Model}': {ex.Message}"), ex);
        }
        finally
        {
            Metrics.Finished(reply is not null, _hub.Time.GetElapsedTime(start).TotalMilliseconds,
                (reply?.PromptTokens ?? 0) + (reply?.CompletionTokens ?? 0), 0);
            AgentTelemetry.Complete(span, this, reply, _hub.Time.GetElapsedTime(start));
            _gate.Release();
        }
    }

    private AgentException Fail(string reason, Exception? inner)
    {
        var message = $"Agent '{Name}' failed: {reason}";
        Lifecycle.Failed(message);
        return inner is null ? new AgentException(message) : new AgentException(message, inner);
    }

    private AgentReply Echo(AgentRequest request, Func<string, bool>? onChunk)
    {
        onChunk?.Invoke(request.Message);
        return new AgentReply
        {
            Text = request.Message, Provider = "none", Model = "basic", FinishReason = "stop",
            Streamed = onChunk is not null, ChunksReceived = onChunk is null ? 0 : 1,
        };
    }

    private static async Task<AgentReply> RunComposite(IReadOnlyList<LlmAgent> members, string mode, AgentRequest request, Func<string, bool>? onChunk, CancellationToken cancellationToken)
    {
        string text;
        if (mode == "parallel")
        {
            var replies = await Task.WhenAll(members.Select(m => m.ExecuteAsync(request with { SystemPrompt = null }, null, cancellationToken))).ConfigureAwait(false);
            text = string.Join("\n\n", members.Select((m, i) => $"[{m.Name}]\n{replies[i].Text}"));
        }
        else
        {
            text = request.Message;
            foreach (var m in members)
            {
                text = (await m.ExecuteAsync(request with { Message = text, SystemPrompt = null }, null, cancellationToken).ConfigureAwait(false)).Text;
            }
        }

        onChunk?.Invoke(text);
        return new AgentReply
        {
            Text = text, Provider = "composite", Model = mode, FinishReason = "stop", Streamed = onChunk is not null,
            ChunksReceived = onChunk is null ? 0 : 1, Members = [.. members.Select(m => m.Name)],
        };
    }

    private async Task<AgentReply> RunWithFallback(AgentRequest request, Func<string, bool>? onChunk, CancellationToken cancellationToken)
    {
        var who = request.Attribution ?? new UsageAttribution(Name);
        if (who.Agent is null)
        {
            who = who with { Agent = Name };
        }

        try
        {
            return await RunOn(Settings!, Model!, _client!.Value, request, onChunk, who, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ProviderException.Find(ex) is { Unavailable: true } failure && Settings!.Fallback.Count > 0)
        {
            Exception last = ex;
            foreach (var next in Settings.Fallback)
            {
                var target = _hub.Resolver.ResolveModel(null, next);
                if (_hub.Resolver.Find(target.Provider) is not { Enabled: true, HasCredentials: true } fb || (target.Model ?? fb.DefaultModel) is not { } fbModel)
                {
                    continue;
                }

                _hub.Events.Publish("provider.fallback", new JsonObject
                {
                    ["agent"] = Name, ["from"] = $"{Settings.Name}/{Model}", ["to"] = $"{fb.Name}/{fbModel}", ["cause"] = failure.Message,
                });
                try
                {
                    _hub.MarkUsed(fb.Name, fbModel);
                    return await RunOn(fb, fbModel, _hub.CreateChatClient(fb, fbModel), request, onChunk, who, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception fex) when (ProviderException.Find(fex) is { Unavailable: true })
                {
                    last = fex;
                }
            }

            throw last is ProviderException ? last : ProviderException.Find(last) ?? last;
        }
    }

    private Task<AgentReply> RunOn(ProviderSettings settings, string model, IChatClient client, AgentRequest request, Func<string, bool>? onChunk, UsageAttribution who, CancellationToken cancellationToken)
    {
        var messages = AgentMessages.Build(this, settings, model, request);
        var options = AgentMessages.Options(this, settings, model, request);
        var tools = new ToolCalling(Name, Config.AllowedTools, _tools, Config.MaxToolCalls, _hub.Time);
        if (Config.AllowedTools.Count > 0 && tools.Declarations() is { Count: > 0 } declared)
        {
            options.Tools = declared;
            options.ToolMode = ChatToolMode.Auto;
        }

        return new ModelRun(this, _hub, settings, model, client).RunAsync(messages, options, tools, onChunk, who, cancellationToken);
    }

    internal static string RenderContext(JsonObject context)
    {
        var sb = new StringBuilder("Context:");
        foreach (var (k, v) in context)
        {
            sb.Append('\n').Append(k).Append(": ").Append(JsonText.Compact(v));
        }

        return sb.ToString();
    }
}
