using System.CommandLine;
using System.Text.Json.Nodes;
using LlmSpell.Output;
using LlmSpell.State;
using LlmSpell.Values;
using static LlmSpell.Cli.Commands.StateCommandSupport;

namespace LlmSpell.Cli.Commands;

/// <summary><c>backup create|list|restore|validate|info|cleanup</c> on the configured persistent state store (cli-and-config.md §2.10).</summary>
internal static class BackupCommand
{
    public static Command Create(GlobalOptions options, RunOutput output)
    {
        var cmd = new Command("backup", "Create, list, restore, validate and clean up state backups");
        var incremental = new Option<bool>("--incremental", "-i") { Description = "Store only keys changed since the latest backup" };
        var description = new Option<string?>("--description", "-d") { Description = "Description stored in the manifest" };
        var create = new Command("create", "Back up the state store and print the backup id") { incremental, description };
        Persistent(create, options, output, (r, _, rt) =>
        {
            var result = Wait(rt.Backups.CreateAsync(r.GetValue(incremental), r.GetValue(description), CancellationToken.None));
            output.WriteStdoutLine(JsonValues.AsString(result["backup_id"])!);
            return 0;
        });

        var limit = new Option<int>("--limit", "-l") { Description = "Show at most this many backups", DefaultValueFactory = _ => 20 };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Show parents, checksums and descriptions" };
        var list = new Command("list", "List backups, newest first") { limit, verbose };
        Persistent(list, options, output, (r, _, rt) =>
        {
            var all = rt.Backups.List().Take(r.GetValue(limit)).OfType<JsonObject>().ToList();
            if (all.Count == 0)
            {
                output.WriteStdoutLine("No backups");
                return 0;
            }

            output.WriteStdoutLine($"{"ID",-40}  {"Created",-24}  {"Type",-11}  {"Keys",6}  Size");
            foreach (var m in all)
            {
                output.WriteStdoutLine($"{S(m, "backup_id"),-40}  {S(m, "created_at"),-24}  {(JsonValues.AsBool(m["incremental"]) == true ? "incremental" : "full"),-11}  {JsonValues.AsInteger(m["key_count"]),6}  {Size(JsonValues.AsInteger(m["size_bytes"]) ?? 0)}");
                if (r.GetValue(verbose))
                {
                    output.WriteStdoutLine($"    parent={S(m, "parent_id") ?? "-"} checksum={S(m, "checksum")} description={S(m, "description") ?? "-"}");
                }
            }

            return 0;
        });

        var id = new Argument<string>("id") { Description = "Backup id" };
        var dryRun = new Option<bool>("--dry-run", "-d") { Description = "Report what would be restored without writing" };
        var skipVerify = new Option<bool>("--skip-verify") { Description = "Do not verify checksums" };
        var noBackup = new Option<bool>("--no-backup") { Description = "Do not back up the current state first" };
        var restore = new Command("restore", "Restore the state as of a backup (all or nothing)") { id, dryRun, skipVerify, noBackup };
        Persistent(restore, options, output, (r, _, rt) =>
        {
            var result = Wait(rt.Backups.RestoreAsync(r.GetValue(id)!, r.GetValue(dryRun), !r.GetValue(skipVerify), !r.GetValue(noBackup), CancellationToken.None));
            if (JsonValues.AsBool(result["success"]) != true)
            {
                output.WriteStderrLine($"Error: {S(result, "error")}");
                return 1;
            }

            output.WriteStdoutLine(r.GetValue(dryRun)
                ? $"Dry run: {result["keys_restored"]} keys would be restored from {r.GetValue(id)}"
                : $"Restored {result["keys_restored"]} keys from {r.GetValue(id)}");
            return 0;
        });

        var validateId = new Argument<string>("id") { Description = "Backup id" };
        var validate = new Command("validate", "Verify a backup's files and checksums (exit 1 when invalid)") { validateId };
        Persistent(validate, options, output, (r, _, rt) =>
        {
            var result = rt.Backups.Validate(r.GetValue(validateId)!);
            if (JsonValues.AsBool(result["is_valid"]) == true)
            {
                output.WriteStdoutLine($"Backup {r.GetValue(validateId)} is valid");
                return 0;
            }

            foreach (var e in (JsonArray)result["errors"]!)
            {
                output.WriteStderrLine("Error: " + JsonValues.AsString(e));
            }

            return 1;
        });

        var infoId = new Argument<string>("id") { Description = "Backup id" };
        var info = new Command("info", "Show a backup's manifest") { infoId };
        Persistent(info, options, output, (r, _, rt) =>
        {
            if (rt.Backups.Info(r.GetValue(infoId)!) is not { } m)
            {
                output.WriteStderrLine($"Error: backup '{r.GetValue(infoId)}' not found");
                return 1;
            }

            foreach (var (k, v) in m)
            {
                output.WriteStdoutLine($"{k}: {JsonValues.AsString(v) ?? JsonText.Compact(v)}");
            }

            return 0;
        });

        var cleanDry = new Option<bool>("--dry-run", "-d") { Description = "Report without deleting" };
        var cleanVerbose = new Option<bool>("--verbose", "-v") { Description = "Show details" };
        var cleanup = new Command("cleanup", "Apply max_backups and max_backup_age") { cleanDry, cleanVerbose };
        Persistent(cleanup, options, output, (r, _, rt) =>
        {
            var result = rt.Backups.Cleanup(r.GetValue(cleanDry));
            output.WriteStdoutLine($"{(r.GetValue(cleanDry) ? "Would delete" : "Deleted")} {result["deleted_count"]} backups, kept {result["retained_count"]}, freed {Size(JsonValues.AsInteger(result["space_freed"]) ?? 0)}");
            return 0;
        });

        foreach (var sub in new[] { create, list, restore, validate, info, cleanup })
        {
            cmd.Subcommands.Add(sub);
        }

        return cmd;
    }

    private static string? S(JsonObject o, string key) => JsonValues.AsString(o[key]);

    private static void Persistent(Command cmd, GlobalOptions options, RunOutput output, Func<ParseResult, Configuration.LlmSpellConfig, StateRuntime, int> action) =>
        SetAction(cmd, options, output, (r, config, rt) =>
        {
            if (StateRuntime.StateBackendOf(config) == "memory")
            {
                output.WriteStderrLine("Error: backups need a persistent state backend; set runtime.state_persistence.backend_type = \"sqlite\"");
                return 1;
            }

            return action(r, config, rt);
        });
}
