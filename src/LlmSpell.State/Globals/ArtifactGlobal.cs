using System.Text.Json.Nodes;
using LlmSpell.Runtime;
using LlmSpell.Scripting;
using LlmSpell.Security;
using LlmSpell.State.Sessions;

namespace LlmSpell.State.Globals;

/// <summary>The <c>Artifact</c> global (globals.md §6); content is binary-safe (Lua strings in, byte strings out).</summary>
internal sealed class ArtifactGlobal(StateRuntime runtime, RunContext context, FileSandbox sandbox) : IScriptGlobal
{
    private ArtifactManager Artifacts => runtime.Artifacts;

    public GlobalDefinition Define() => new GlobalDefinition("Artifact")
        .Function("store", Store)
        .Function("store_file", StoreFile, "storeFile")
        .Function("get", a =>
        {
            var sid = Session(a);
            var id = a.Value(1, "artifact_id");
            return ScriptCalls.Run(context, a, async ct =>
            {
                var found = await Artifacts.GetAsync(sid, id, ct);
                return found is null ? null : (object?)new JsonObject { ["content"] = ScriptJson.Bytes(found.Value.Content), ["metadata"] = found.Value.Metadata };
            });
        })
        .Function("list", a =>
        {
            var sid = Session(a);
            return ScriptCalls.Run(context, a, ct => Artifacts.ListAsync(sid, ct));
        })
        .Function("delete", a =>
        {
            var sid = Session(a);
            var id = a.Value(1, "artifact_id");
            return ScriptCalls.Run(context, a, ct => Artifacts.DeleteAsync(sid, id, ct));
        })
        .Function("query", a =>
        {
            var q = a.OptObject(0, "query") ?? [];
            return ScriptCalls.Run(context, a, ct => Artifacts.QueryAsync(q, ct));
        });

    /// <summary>The session argument; <c>""</c> means the current session.</summary>
    private string Session(ScriptArgs args)
    {
        var sid = args.String(0, "session_id");
        return sid.Length > 0 ? sid : runtime.Sessions.Current ?? throw new ScriptException($"{args.Api}: no current session set");
    }

    private object? Store(ScriptArgs args)
    {
        var sid = Session(args);
        var type = args.NonEmptyString(1, "type");
        var name = args.String(2, "name");
        if (args.TypeOf(3) != ScriptType.String)
        {
            throw new ScriptException($"{args.Api}: content must be a string");
        }

        var content = args.Bytes(3, "content");
        var meta = args.OptObject(4, "metadata");
        return ScriptCalls.Run(context, args, ct => Artifacts.StoreAsync(sid, type, name, content, meta, ct));
    }

    private object? StoreFile(ScriptArgs args)
    {
        var sid = Session(args);
        var path = args.NonEmptyString(1, "path");
        var type = args.NonEmptyString(2, "type");
        var meta = args.OptObject(3, "metadata") ?? [];
        if (sandbox.Check(path, out var canonical) is { } reason)
        {
            throw new ScriptException($"{args.Api}: {reason}");
        }

        if (!File.Exists(canonical))
        {
            throw new ScriptException($"{args.Api}: file '{path}' not found");
        }

        var content = File.ReadAllBytes(canonical);
        if (meta["mime_type"] is null && MimeTypes.FromExtension(Path.GetExtension(canonical)) is { } mime)
        {
            meta["mime_type"] = mime;
        }

        return ScriptCalls.Run(context, args, ct => Artifacts.StoreAsync(sid, type, Path.GetFileName(canonical), content, meta, ct));
    }
}
