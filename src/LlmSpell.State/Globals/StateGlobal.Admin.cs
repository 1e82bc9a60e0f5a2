using System.Text.Json.Nodes;
using LlmSpell.Scripting;
using LlmSpell.State.Migrations;
using LlmSpell.Values;

namespace LlmSpell.State.Globals;

/// <summary>Migrations (globals.md §4.5) and backups (§4.6); always present, raising when disabled.</summary>
internal sealed partial class StateGlobal
{
    private void DefineMigrations(GlobalDefinition g)
    {
        g.Function("register_migration", a => Migrating(a, () =>
        {
            var from = MigrationManager.Parse(a.String(0, "from"));
            var to = MigrationManager.Parse(a.String(1, "to"));
            var fn = a.Function(2, "fn");
            var opts = a.OptObject(3, "opts") ?? [];
            runtime.Migrations.Register(new Migration(from, to, (key, value) => ScriptCalls.ToNode(fn.Call(key, value)),
                JsonValues.AsString(opts["scope"]), JsonValues.AsString(opts["description"])));
            return null;
        }));
        g.Function("migrate", a => Migrating(a, () =>
        {
            var target = a.String(0, "target_version");
            MigrationManager.Parse(target);
            return Run(a, ct => runtime.Migrations.MigrateAsync(target, true, ct));
        }));
        g.Function("get_migration_status", a => Migrating(a, () => Run(a, ct => runtime.Migrations.StatusAsync(ct))));
        g.Function("get_schema_versions", a => Migrating(a, () => runtime.Migrations.Versions()));
    }

    private void DefineBackups(GlobalDefinition g)
    {
        g.Function("create_backup", a => BackingUp(a, () =>
        {
            var incremental = a.Truthy(0);
            return Run(a, async ct =>
            {
                try
                {
                    return await runtime.Backups.CreateAsync(incremental, null, ct);
                }
                catch (IOException ex)
                {
                    return new JsonObject { ["success"] = false, ["error"] = ex.Message };
                }
            });
        }));
        g.Function("list_backups", a => BackingUp(a, () => runtime.Backups.List()));
        g.Function("restore_backup", a => BackingUp(a, () =>
        {
            var id = a.NonEmptyString(0, "id");
            var opts = a.OptObject(1, "opts") ?? [];
            return Run(a, ct => runtime.Backups.RestoreAsync(id, JsonValues.AsBool(opts["dry_run"]) ?? false,
                JsonValues.AsBool(opts["verify"]) ?? true, JsonValues.AsBool(opts["backup_current"]) ?? true, ct));
        }));
        g.Function("validate_backup", a => BackingUp(a, () => runtime.Backups.Validate(a.NonEmptyString(0, "id"))));
        g.Function("get_storage_usage", a => BackingUp(a, () => Run(a, ct => runtime.Backups.UsageAsync(ct))));
        g.Function("cleanup_backups", a => BackingUp(a, () => runtime.Backups.Cleanup(a.Truthy(0))));
    }

    private object? Migrating(ScriptArgs args, Func<object?> work) =>
        runtime.MigrationsEnabled
            ? ScriptCalls.Sync(args, work)
            : throw new ScriptException($"{args.Api}: migrations are disabled; set runtime.state_persistence.migration_enabled = true");

    private object? BackingUp(ScriptArgs args, Func<object?> work) =>
        runtime.BackupsEnabled
            ? ScriptCalls.Sync(args, work)
            : throw new ScriptException($"{args.Api}: backups are disabled; set runtime.state_persistence.backup_enabled = true");
}
