using System.Text.Json.Nodes;
using LlmSpell.Scripting;

namespace LlmSpell.State.Globals;

/// <summary>Scoped helpers (globals.md §4.2): fixed spellings of raw keys.</summary>
internal sealed partial class StateGlobal
{
    private void DefineHelpers(GlobalDefinition g)
    {
        foreach (var kind in new[] { "workflow", "agent", "tool", "session" })
        {
            var idName = kind + (kind == "workflow" ? "_id" : kind is "session" ? "_id" : "");
            g.Function(kind + "_get", a => RawLoad(a, $"{kind}:{a.NonEmptyString(0, idName)}:{a.NonEmptyString(1, kind == "workflow" ? "step" : "key")}"));
            g.Function(kind + "_set", a => RawSave(a, $"{kind}:{a.NonEmptyString(0, idName)}:{a.NonEmptyString(1, "key")}", 2));
            g.Function(kind + "_delete", a => RawDelete(a, $"{kind}:{a.NonEmptyString(0, idName)}:{a.NonEmptyString(1, "key")}"));
            g.Function(kind + "_list", a => RawList(a, $"{kind}:{a.NonEmptyString(0, idName)}:"));
        }

        g.Function("get_scoped", a => RawLoad(a, $"{a.NonEmptyString(0, "scope_type")}:{a.NonEmptyString(1, "scope_id")}:{a.NonEmptyString(2, "key")}"));
        g.Function("set_scoped", a => RawSave(a, $"{a.NonEmptyString(0, "scope_type")}:{a.NonEmptyString(1, "scope_id")}:{a.NonEmptyString(2, "key")}", 3));
        g.Function("delete_scoped", a => RawDelete(a, $"{a.NonEmptyString(0, "scope_type")}:{a.NonEmptyString(1, "scope_id")}:{a.NonEmptyString(2, "key")}"));
        g.Function("list_scoped", a => RawList(a, $"{a.NonEmptyString(0, "scope_type")}:{a.NonEmptyString(1, "scope_id")}:"));
    }

    private string Checked(ScriptArgs args, string key) => ScriptCalls.Sync(args, () =>
    {
        runtime.State.ValidateKey(key);
        return key;
    });

    private object? RawLoad(ScriptArgs args, string key)
    {
        key = Checked(args, key);
        return Run(args, ct => State.LoadAsync(key, ct));
    }

    private object? RawSave(ScriptArgs args, string key, int valueIndex)
    {
        key = Checked(args, key);
        var value = args.Value(valueIndex, "value");
        return Run(args, async ct =>
        {
            await State.SaveAsync(key, value, ct);
            return (object?)null;
        });
    }

    private object? RawDelete(ScriptArgs args, string key)
    {
        key = Checked(args, key);
        return Run(args, ct => State.DeleteAsync(key, ct));
    }

    private object? RawList(ScriptArgs args, string prefix) =>
        Run(args, async ct => (object?)new JsonArray([.. (await State.ListKeysAsync(prefix, ct)).Select(k => (JsonNode)k[prefix.Length..])]));
}
