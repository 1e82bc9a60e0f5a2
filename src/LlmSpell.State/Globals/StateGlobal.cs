using System.Text.Json.Nodes;
using LlmSpell.Runtime;
using LlmSpell.Scripting;
using LlmSpell.Values;

namespace LlmSpell.State.Globals;

/// <summary>
/// The <c>State</c> global (globals.md §4): core functions, scoped helpers, atomic operations,
/// per-key versions, migrations and backups over the run's <see cref="StateService"/>.
/// </summary>
internal sealed partial class StateGlobal(StateRuntime runtime, RunContext context) : IScriptGlobal
{
    private string _defaultScope = "global";

    public GlobalDefinition Define()
    {
        var g = new GlobalDefinition("State")
            .Function("save", Save)
            .Function("load", Load)
            .Function("delete", Delete)
            .Function("list_keys", a => ListKeys(a, a.NonEmptyString(0, "scope")))
            .Function("exists", Exists)
            .Function("get", Get)
            .Function("set", Set)
            .Function("list", a => ListKeys(a, a.IsNil(0) ? _defaultScope : a.NonEmptyString(0, "scope")))
            .Function("clear", a => Run(a, ct => State.ClearAsync((a.IsNil(0) ? _defaultScope : a.NonEmptyString(0, "scope")) + ":", ct)))
            .Function("increment", Increment)
            .Function("append", Append)
            .Function("compare_and_swap", CompareAndSwap)
            .Function("set_scope", a => SetScope(a), "setScope")
            .Function("get_scope", _ => _defaultScope, "getScope")
            .Function("get_version", a => Run(a, ct => State.GetVersionAsync(Key(a, 0), ct)))
            .Function("get_history", GetHistory)
            .Function("save_if_version", SaveIfVersion);
        DefineHelpers(g);
        DefineMigrations(g);
        DefineBackups(g);
        return g;
    }

    private StateService State => runtime.State;

    private T Run<T>(ScriptArgs args, Func<CancellationToken, Task<T>> work) =>
        ScriptCalls.Run(context, args, ct => work(ct));

    /// <summary>The full key from (scope, key) arguments at <paramref name="index"/>, validated.</summary>
    private string Key(ScriptArgs args, int index)
    {
        var key = args.NonEmptyString(index + 1, "key");
        var full = key.StartsWith(':') ? key[1..] : args.NonEmptyString(index, "scope") + ":" + key;
        ScriptCalls.Sync(args, () =>
        {
            runtime.State.ValidateKey(full);
            return true;
        });
        return full;
    }

    private object? Save(ScriptArgs args)
    {
        var key = Key(args, 0);
        var value = args.Value(2, "value");
        return Run(args, async ct =>
        {
            await State.SaveAsync(key, value, ct);
            return (object?)null;
        });
    }

    private object? Load(ScriptArgs args)
    {
        var key = Key(args, 0);
        return Run(args, ct => State.LoadAsync(key, ct));
    }

    private object? Delete(ScriptArgs args)
    {
        var key = Key(args, 0);
        return Run(args, ct => State.DeleteAsync(key, ct));
    }

    private object? ListKeys(ScriptArgs args, string scope)
    {
        var prefix = scope + ":";
        return Run(args, async ct => (object?)new JsonArray([.. (await State.ListKeysAsync(prefix, ct)).Select(k => (JsonNode)k[prefix.Length..])]));
    }

    private object? Exists(ScriptArgs args)
    {
        var key = args.Count >= 2 && !args.IsNil(1) ? Key(args, 0) : ScopedDefault(args, 0);
        return Run(args, async ct => await State.Store.GetAsync(key, ct) is not null);
    }

    private object? Get(ScriptArgs args)
    {
        var key = args.Count >= 2 && !args.IsNil(1) ? Key(args, 0) : ScopedDefault(args, 0);
        return Run(args, ct => State.LoadAsync(key, ct));
    }

    private object? Set(ScriptArgs args)
    {
        // Arity decides the form (globals.md §4.1): exactly two arguments use the default scope.
        var (key, value) = args.Count == 2 ? (ScopedDefault(args, 0), args.Value(1, "value")) : (Key(args, 0), args.Value(2, "value"));
        return Run(args, async ct =>
        {
            await State.SaveAsync(key, value, ct);
            return (object?)null;
        });
    }

    private string ScopedDefault(ScriptArgs args, int index)
    {
        var key = args.NonEmptyString(index, "key");
        var full = key.StartsWith(':') ? key[1..] : _defaultScope + ":" + key;
        ScriptCalls.Sync(args, () =>
        {
            runtime.State.ValidateKey(full);
            return true;
        });
        return full;
    }

    private object? SetScope(ScriptArgs args)
    {
        _defaultScope = args.NonEmptyString(0, "scope");
        return null;
    }

    private object? Increment(ScriptArgs args)
    {
        var key = Key(args, 0);
        JsonNode delta = args.TypeOf(2) switch
        {
            ScriptType.Nil => JsonValue.Create(1L),
            ScriptType.Integer => JsonValue.Create(args.Integer(2, "delta")),
            _ => JsonValue.Create(args.Number(2, "delta")),
        };
        return Run(args, ct => State.IncrementAsync(key, delta, ct));
    }

    private object? Append(ScriptArgs args)
    {
        var key = Key(args, 0);
        var value = args.Value(2, "value");
        return Run(args, ct => State.AppendAsync(key, value, ct));
    }

    private object? CompareAndSwap(ScriptArgs args)
    {
        var key = Key(args, 0);
        var expected = args.Value(2, "expected");
        var next = args.Value(3, "new");
        return Run(args, ct => State.CompareAndSwapAsync(key, expected, next, ct));
    }

    private object? GetHistory(ScriptArgs args)
    {
        var key = Key(args, 0);
        var limit = (int)Math.Clamp(args.OptInteger(2, "limit") ?? 10, 1, 1000);
        return Run(args, ct => State.HistoryAsync(key, limit, ct));
    }

    private object? SaveIfVersion(ScriptArgs args)
    {
        var key = Key(args, 0);
        var value = args.Value(2, "value");
        var expected = args.Integer(3, "expected_version");
        return Run(args, async ct => await State.SaveIfVersionAsync(key, value, expected, ct) is not null);
    }
}
