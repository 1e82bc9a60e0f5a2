using System.Text.Json.Nodes;
using LlmSpell.Runtime;
using LlmSpell.Scripting;
using LlmSpell.State.Sessions;
using LlmSpell.Values;

namespace LlmSpell.State.Globals;

/// <summary>
/// The <c>Session</c> global (globals.md §5). Replay walks the session's hook log; until the hook
/// system records into it the log is empty, so <c>can_replay</c> is false and <c>replay</c> returns
/// the documented shape with zero hooks replayed.
/// </summary>
internal sealed class SessionGlobal(StateRuntime runtime, RunContext context) : IScriptGlobal
{
    private SessionManager Sessions => runtime.Sessions;

    public GlobalDefinition Define() => new GlobalDefinition("Session")
        .Function("create", a => Create(a, a.OptObject(0, "opts") ?? []))
        .Function("builder", _ => new SessionBuilder(Create))
        .Function("get", a => Run(a, ct => Sessions.GetAsync(Id(a), ct)))
        .Function("list", a =>
        {
            var q = a.OptObject(0, "query") ?? [];
            return Run(a, ct => Sessions.ListAsync(q, ct));
        })
        .Function("update", a =>
        {
            var id = Id(a);
            var fields = a.Object(1, "fields");
            return Run(a, async ct =>
            {
                await Sessions.UpdateAsync(id, fields, ct);
                return (object?)null;
            });
        })
        .Function("save", a => Touch(a, persist: true))
        .Function("load", a =>
        {
            var id = Id(a);
            return Run(a, async ct => (object?)JsonValues.AsString((await Sessions.GetRecordAsync(id, ct))["id"]));
        })
        .Function("complete", a => Transition(a, "complete"))
        .Function("suspend", a => Transition(a, "suspend"))
        .Function("resume", a => Transition(a, "resume"))
        .Function("delete", a =>
        {
            var id = Id(a);
            return Run(a, async ct =>
            {
                await Sessions.DeleteAsync(id, runtime.Artifacts, ct);
                return (object?)null;
            });
        })
        .Function("get_current", _ => Sessions.Current, "getCurrent")
        .Function("set_current", a =>
        {
            if (a.IsNil(0))
            {
                Sessions.Current = null;
                return null;
            }

            var id = Id(a);
            return Run(a, async ct =>
            {
                Sessions.Current = JsonValues.AsString((await Sessions.GetRecordAsync(id, ct))["id"]);
                return (object?)null;
            });
        }, "setCurrent")
        .Function("can_replay", a =>
        {
            var id = Id(a);
            return Run(a, async ct => SessionManager.HookLog(await Sessions.GetRecordAsync(id, ct)).Count > 0);
        })
        .Function("replay", Replay)
        .Function("get_replay_metadata", ReplayMetadata)
        .Function("list_replayable", a => Run(a, async ct =>
            new JsonArray([.. (await Sessions.AllAsync(ct)).Where(r => SessionManager.HookLog(r).Count > 0).Select(r => r["id"]!.DeepClone())])));

    private T Run<T>(ScriptArgs args, Func<CancellationToken, Task<T>> work) => ScriptCalls.Run(context, args, work);

    private static string Id(ScriptArgs args) => args.String(0, "id");

    private object? Create(ScriptArgs args, JsonObject opts) => Run(args, async ct => (object?)await Sessions.CreateAsync(opts, ct));

    private object? Touch(ScriptArgs args, bool persist)
    {
        var id = Id(args);
        return Run(args, async ct =>
        {
            var record = await Sessions.GetRecordAsync(id, ct);
            if (persist)
            {
                await Sessions.SaveAsync(record, ct);
            }

            return (object?)null;
        });
    }

    private object? Transition(ScriptArgs args, string op)
    {
        var id = Id(args);
        return Run(args, async ct =>
        {
            await Sessions.TransitionAsync(id, op, ct);
            return (object?)null;
        });
    }

    private object? Replay(ScriptArgs args)
    {
        var id = Id(args);
        var opts = args.OptObject(1, "opts", allowCallables: true) ?? [];
        var started = context.Time.GetTimestamp();
        return Run(args, async ct =>
        {
            var record = await Sessions.GetRecordAsync(id, ct);
            var log = SessionManager.HookLog(record);
            _ = opts;
            return new JsonObject
            {
                ["session_id"] = record["id"]!.DeepClone(),
                ["correlation_id"] = Guid.NewGuid().ToString(),
                ["start_time"] = Sessions.Now(),
                ["total_duration_ms"] = (long)context.Time.GetElapsedTime(started).TotalMilliseconds,
                ["hooks_replayed"] = 0,
                ["successful_replays"] = 0,
                ["failed_replays"] = 0,
                ["metadata"] = new JsonObject { ["hook_log_entries"] = log.Count },
            };
        });
    }

    private object? ReplayMetadata(ScriptArgs args)
    {
        var id = Id(args);
        return Run(args, async ct =>
        {
            var record = await Sessions.GetRecordAsync(id, ct);
            var log = SessionManager.HookLog(record);
            var meta = new JsonObject
            {
                ["session_id"] = record["id"]!.DeepClone(),
                ["correlation_id"] = record["id"]!.DeepClone(),
                ["total_hooks"] = log.Count,
                ["can_replay"] = log.Count > 0,
            };
            if (log.Count > 0)
            {
                meta["first_hook_timestamp"] = log[0]?["timestamp"]?.DeepClone();
                meta["last_hook_timestamp"] = log[^1]?["timestamp"]?.DeepClone();
            }

            return meta;
        });
    }
}
