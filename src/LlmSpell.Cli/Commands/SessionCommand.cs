using System.CommandLine;
using System.Text.Json.Nodes;
using LlmSpell.Output;
using LlmSpell.State;
using LlmSpell.Values;
using static LlmSpell.Cli.Commands.StateCommandSupport;

namespace LlmSpell.Cli.Commands;

/// <summary><c>session list|show|export|delete</c> on the persistent session store (cli-and-config.md §2.13).</summary>
internal static class SessionCommand
{
    public static Command Create(GlobalOptions options, RunOutput output)
    {
        var cmd = new Command("session", "List, show, export and delete persistent sessions");
        var status = new Option<string?>("--status") { Description = "Only sessions with this status" };
        var tag = new Option<string?>("--tag") { Description = "Only sessions with this tag" };
        var limit = new Option<int>("--limit") { Description = "Show at most this many sessions", DefaultValueFactory = _ => 50 };
        var list = new Command("list", "List sessions, newest first") { status, tag, limit };
        Persistent(list, options, output, (r, rt) =>
        {
            var query = new JsonObject { ["status"] = r.GetValue(status), ["limit"] = r.GetValue(limit) };
            if (r.GetValue(tag) is { } t)
            {
                query["tags"] = new JsonArray(t);
            }

            var sessions = Wait(rt.Sessions.ListAsync(query, CancellationToken.None)).OfType<JsonObject>().ToList();
            if (sessions.Count == 0)
            {
                output.WriteStdoutLine("No sessions");
                return 0;
            }

            output.WriteStdoutLine($"{"ID",-36}  {"Name",-24}  {"Status",-9}  {"Created",-24}  Artifacts");
            foreach (var s in sessions)
            {
                output.WriteStdoutLine($"{S(s, "id"),-36}  {Trim(S(s, "name") ?? "", 24),-24}  {S(s, "status"),-9}  {S(s, "created_at"),-24}  {JsonValues.AsInteger(s["artifact_count"])}");
            }

            return 0;
        });

        var showId = new Argument<string>("id") { Description = "Session id" };
        var show = new Command("show", "Show a session and its artifacts") { showId };
        Persistent(show, options, output, (r, rt) =>
        {
            var session = Wait(rt.Sessions.GetAsync(r.GetValue(showId)!, CancellationToken.None));
            foreach (var (k, v) in session)
            {
                output.WriteStdoutLine($"{k}: {JsonValues.AsString(v) ?? JsonText.Compact(v)}");
            }

            var artifacts = Wait(rt.Artifacts.ListAsync(r.GetValue(showId)!, CancellationToken.None)).OfType<JsonObject>().ToList();
            output.WriteStdoutLine($"artifacts ({artifacts.Count}):");
            foreach (var a in artifacts)
            {
                output.WriteStdoutLine($"  {S(a, "name"),-30}  {S(a, "artifact_type"),-16}  {Size(JsonValues.AsInteger(a["size"]) ?? 0),10}  {S(a, "created_at")}");
            }

            return 0;
        });

        var exportId = new Argument<string>("id") { Description = "Session id" };
        var file = new Option<string?>("--output-file", "-o") { Description = "Write the JSON to this file instead of stdout" };
        var withContent = new Option<bool>("--with-content") { Description = "Include artifact contents (Base64)" };
        var export = new Command("export", "Export a session and its artifact metadata as JSON") { exportId, file, withContent };
        Persistent(export, options, output, (r, rt) =>
        {
            var id = r.GetValue(exportId)!;
            var session = Wait(rt.Sessions.GetAsync(id, CancellationToken.None));
            var artifacts = Wait(rt.Artifacts.ListAsync(id, CancellationToken.None));
            if (r.GetValue(withContent))
            {
                foreach (var a in artifacts.OfType<JsonObject>())
                {
                    var got = Wait(rt.Artifacts.GetAsync(id, a.DeepClone(), CancellationToken.None));
                    a["content_base64"] = got is null ? null : Convert.ToBase64String(got.Value.Content);
                }
            }

            var text = JsonText.Pretty(new JsonObject { ["session"] = session, ["artifacts"] = artifacts }, keepOrder: true);
            if (r.GetValue(file) is { } path)
            {
                File.WriteAllText(path, text + "\n");
                output.WriteStdoutLine($"Exported session {id} to {path}");
            }
            else
            {
                output.WriteStdoutLine(text);
            }

            return 0;
        });

        var deleteId = new Argument<string>("id") { Description = "Session id" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation" };
        var delete = new Command("delete", "Delete a session and its artifacts") { deleteId, yes };
        Persistent(delete, options, output, (r, rt) =>
        {
            var id = r.GetValue(deleteId)!;
            Wait(rt.Sessions.GetAsync(id, CancellationToken.None));
            if (!r.GetValue(yes))
            {
                output.WriteStderrLine($"Delete session {id} and its artifacts? [y/N]");
                var answer = Console.In.ReadLine()?.Trim();
                if (!string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) && !string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase))
                {
                    output.WriteStdoutLine("Cancelled");
                    return 1;
                }
            }

            rt.Sessions.DeleteAsync(id, rt.Artifacts, CancellationToken.None).GetAwaiter().GetResult();
            output.WriteStdoutLine($"Deleted session {id}");
            return 0;
        });

        foreach (var sub in new[] { list, show, export, delete })
        {
            cmd.Subcommands.Add(sub);
        }

        return cmd;
    }

    private static string? S(JsonObject o, string key) => JsonValues.AsString(o[key]);

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static void Persistent(Command cmd, GlobalOptions options, RunOutput output, Func<ParseResult, StateRuntime, int> action) =>
        SetAction(cmd, options, output, (r, config, rt) =>
        {
            var backend = config.GetString("runtime.sessions.storage_backend") ?? "memory";
            if (backend == "memory")
            {
                output.WriteStdoutLine("No persistent session storage configured (runtime.sessions.storage_backend = \"memory\")");
                return 0;
            }

            return action(r, rt);
        });
}
