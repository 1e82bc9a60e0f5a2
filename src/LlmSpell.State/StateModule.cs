using System.Text.Json.Nodes;
using LlmSpell.Configuration;
using LlmSpell.Runtime;
using LlmSpell.Scripting;
using LlmSpell.Security;
using LlmSpell.State.Globals;
using LlmSpell.State.Storage;

namespace LlmSpell.State;

/// <summary>
/// State, sessions and artifacts. <c>State</c> is always present (in memory when persistence is
/// disabled); <c>Session</c> and <c>Artifact</c> when <see cref="SessionsEnabled"/> says so.
/// </summary>
public sealed class StateModule(IEnumerable<IStorageProvider> providers) : IRuntimeModule
{
    private readonly StorageRegistry _registry = new(providers);

    /// <summary>
    /// Whether Session/Artifact are exposed: <c>runtime.sessions.enabled</c>, or RAG enabled
    /// (runtime.md §8; the RAG module relies on this seam rather than registering its own sessions).
    /// </summary>
    public static bool SessionsEnabled(LlmSpellConfig config) =>
        config.GetBool("runtime.sessions.enabled") || config.GetBool("rag.enabled");

    public void Configure(RuntimeServices services, RunContext context)
    {
        services.Add(_ => new StateRuntime(context.Config, _registry, context.Time));
        services.Add<IStateAccess>(s => new LazyStateAccess(s.Get<StateRuntime>()));
        context.OnShutdown(ShutdownStep.Stores, "state stores", info =>
        {
            if (services.TryGet<StateRuntime>() is not { IsOpen: true } runtime)
            {
                return;
            }

            // A session that is current when the run fails becomes failed (behaviours.md §7.1).
            if (info.Error is not null && runtime.CurrentSession is { } current)
            {
                try
                {
                    runtime.Sessions.TransitionAsync(current, "fail", CancellationToken.None).GetAwaiter().GetResult();
                }
                catch (Sessions.SessionException)
                {
                    // Already completed or otherwise final: nothing to record.
                }
            }

            runtime.DisposeAsync().AsTask().GetAwaiter().GetResult();
        });
    }

    public IEnumerable<IScriptGlobal> Globals(RuntimeServices services, RunContext context)
    {
        var runtime = services.Get<StateRuntime>();
        yield return new StateGlobal(runtime, context);
        if (SessionsEnabled(context.Config))
        {
            yield return new SessionGlobal(runtime, context);
            yield return new ArtifactGlobal(runtime, context, services.Get<FileSandbox>());
        }
    }

    public void Describe(JsonObject info, LlmSpellConfig config, bool all)
    {
        if (info["state"] is JsonObject state)
        {
            state["backends"] = new JsonArray([.. _registry.Names.Order(StringComparer.Ordinal).Select(n => (JsonNode)n)]);
        }
    }

    private sealed class LazyStateAccess(StateRuntime runtime) : IStateAccess
    {
        public Task<JsonNode?> LoadAsync(string key, CancellationToken cancellationToken = default) => runtime.State.LoadAsync(key, cancellationToken);

        public Task SaveAsync(string key, JsonNode? value, CancellationToken cancellationToken = default) => runtime.State.SaveAsync(key, value, cancellationToken);

        public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) => runtime.State.DeleteAsync(key, cancellationToken);

        public Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) => runtime.State.ListKeysAsync(prefix, cancellationToken);
    }
}
