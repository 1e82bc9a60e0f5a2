using System.Collections;
using System.CommandLine;
using System.Text.Json.Nodes;
using LlmSpell.Output;
using LlmSpell.Security;
using LlmSpell.Values;

namespace LlmSpell.Cli.Commands;

/// <summary>
/// <c>keys list|add|rotate|remove|audit|load-env</c> on the API key store (cli-and-config.md §2.9).
/// Keys are only ever shown masked — in text, JSON and errors alike.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(GlobalOptions options, RunOutput output)
    {
        var cmd = new Command("keys", "Manage API keys stored outside config files ($LLMSPELL_KEYS_FILE, default ~/.llmspell/keys.json)");

        var details = new Option<bool>("--details", "-d") { Description = "Show created, expires, last-used and rotation details" };
        var list = new Command("list", "List stored keys (masked)") { details };
        Action(list, options, output, (r, store, json) =>
        {
            var keys = store.List();
            if (json)
            {
                output.WriteStdoutLine(JsonText.Pretty(new JsonArray([.. keys.Select(k => (JsonNode?)Table(k))]), keepOrder: true));
                return 0;
            }

            if (keys.Count == 0)
            {
                output.WriteStdoutLine("No stored API keys");
                return 0;
            }

            var width = Math.Max(7, keys.Max(k => k.Service.Length));
            foreach (var k in keys)
            {
                output.WriteStdoutLine($"{k.Service.PadRight(width)}  {k.MaskedKey}{(k.Expired ? "  (expired)" : "")}");
                if (r.GetValue(details))
                {
                    output.WriteStdoutLine($"    created: {Stamp(k.CreatedAt)}  expires: {Stamp(k.ExpiresAt) ?? "never"}  last used: {Stamp(k.LastUsedAt) ?? "never"}  rotations: {k.RotationCount}{(k.RotatedAt is { } at ? $" (last {Stamp(at)})" : "")}");
                }
            }

            return 0;
        });

        var addService = ServiceArgument();
        var addKey = new Argument<string>("key") { Description = "The API key ('-' reads it from stdin, keeping it out of shell history)" };
        var expires = new Option<int?>("--expires", "-e")
        {
            Description = "Stop using the key after this many days",
            CustomParser = a =>
            {
                if (int.TryParse(a.Tokens.Count == 1 ? a.Tokens[0].Value : null, System.Globalization.CultureInfo.InvariantCulture, out var days) && days > 0)
                {
                    return days;
                }

                a.AddError($"--expires expects a positive whole number of days, got '{(a.Tokens.Count == 1 ? a.Tokens[0].Value : "")}'");
                return null;
            },
        };
        var add = new Command("add", "Store (replace) the key of a service") { addService, addKey, expires };
        Action(add, options, output, (r, store, json) =>
        {
            var info = store.Add(r.GetValue(addService)!, ReadKey(r.GetValue(addKey)!), r.GetValue(expires));
            return Report(output, json, info, "add", $"Stored API key for '{info.Service}' ({info.MaskedKey}){(info.ExpiresAt is { } at ? $", expires {Stamp(at)}" : "")}");
        });

        var rotateService = ServiceArgument();
        var newKey = new Argument<string>("new_key") { Description = "The new API key ('-' reads it from stdin)" };
        var rotate = new Command("rotate", "Replace the stored key of a service, recording the rotation") { rotateService, newKey };
        Action(rotate, options, output, (r, store, json) =>
        {
            var info = store.Rotate(r.GetValue(rotateService)!, ReadKey(r.GetValue(newKey)!));
            return Report(output, json, info, "rotate", $"Rotated API key for '{info.Service}' ({info.MaskedKey}, rotation {info.RotationCount})");
        });

        var removeService = ServiceArgument();
        var remove = new Command("remove", "Delete the stored key of a service") { removeService };
        Action(remove, options, output, (r, store, json) =>
        {
            var service = r.GetValue(removeService)!;
            store.Remove(service);
            output.WriteStdoutLine(json
                ? JsonText.Pretty(new JsonObject { ["service"] = service, ["action"] = "remove" }, keepOrder: true)
                : $"Removed API key for '{service}'");
            return 0;
        });

        var limit = new Option<int>("--limit", "-l") { Description = "Show at most this many events", DefaultValueFactory = _ => 20 };
        var audit = new Command("audit", "Recent add/rotate/remove/use/load-env events, newest first (never the keys)") { limit };
        Action(audit, options, output, (r, store, json) =>
        {
            var events = store.Audit(r.GetValue(limit));
            if (json)
            {
                output.WriteStdoutLine(JsonText.Pretty(new JsonArray([.. events.Select(e => (JsonNode?)Table(e))]), keepOrder: true));
            }
            else if (events.Count == 0)
            {
                output.WriteStdoutLine("No key store events");
            }
            else
            {
                foreach (var e in events)
                {
                    output.WriteStdoutLine($"{Stamp(e.At)}  {e.Action,-8}  {e.Service}{(e.Detail is null ? "" : $"  ({e.Detail})")}");
                }
            }

            return 0;
        });

        var prefix = new Option<string>("--prefix", "-p") { Description = "Variable prefix; <PREFIX><SERVICE> is imported as service", DefaultValueFactory = _ => KeyStore.DefaultEnvironmentPrefix };
        var loadEnv = new Command("load-env", "Import keys from <PREFIX><SERVICE> environment variables (service lower-cased)") { prefix };
        Action(loadEnv, options, output, (r, store, json) =>
        {
            var variables = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
                .Select(e => new KeyValuePair<string, string?>((string)e.Key, e.Value as string));
            var p = r.GetValue(prefix);
            var imported = store.ImportEnvironment(variables, string.IsNullOrEmpty(p) ? KeyStore.DefaultEnvironmentPrefix : p);
            output.WriteStdoutLine(json
                ? JsonText.Pretty(new JsonObject { ["imported"] = imported.Count, ["services"] = new JsonArray([.. imported.Select(s => (JsonNode?)s)]) }, keepOrder: true)
                : $"Imported {imported.Count} API key{(imported.Count == 1 ? "" : "s")}{(imported.Count > 0 ? ": " + string.Join(", ", imported) : "")}");
            return 0;
        });

        foreach (var sub in new[] { list, add, rotate, remove, audit, loadEnv })
        {
            cmd.Subcommands.Add(sub);
        }

        return cmd;
    }

    private static Argument<string> ServiceArgument() => new("service") { Description = "Service name, e.g. a provider name (openai)" };

    private static void Action(Command cmd, GlobalOptions options, RunOutput output, Func<ParseResult, KeyStore, bool, int> action) =>
        cmd.SetAction(r =>
        {
            var settings = CliSettings.From(r, options);
            var path = KeyStore.DefaultPath(Environment.GetEnvironmentVariable)
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".llmspell", "keys.json");
            try
            {
                return action(r, new KeyStore(path, TimeProvider.System), settings.Output == "json");
            }
            catch (KeyStoreException ex)
            {
                output.WriteStderrLine($"Error: {ex.Message}");
                return 1;
            }
        });

    private static string ReadKey(string argument) =>
        argument == "-" ? Console.In.ReadLine()?.Trim() ?? "" : argument;

    private static int Report(RunOutput output, bool json, StoredKeyInfo info, string action, string text)
    {
        if (json)
        {
            var t = Table(info);
            t["action"] = action;
            output.WriteStdoutLine(JsonText.Pretty(t, keepOrder: true));
        }
        else
        {
            output.WriteStdoutLine(text);
        }

        return 0;
    }

    private static JsonObject Table(StoredKeyInfo k) => new()
    {
        ["service"] = k.Service,
        ["masked_key"] = k.MaskedKey,
        ["created_at"] = Stamp(k.CreatedAt),
        ["expires_at"] = Stamp(k.ExpiresAt),
        ["expired"] = k.Expired,
        ["last_used_at"] = Stamp(k.LastUsedAt),
        ["rotation_count"] = k.RotationCount,
        ["rotated_at"] = Stamp(k.RotatedAt),
    };

    private static JsonObject Table(KeyAuditEvent e) => new()
    {
        ["at"] = Stamp(e.At),
        ["action"] = e.Action,
        ["service"] = e.Service,
        ["detail"] = e.Detail,
    };

    private static string? Stamp(DateTimeOffset? t) => t is { } v ? KeyStore.FormatTime(v) : null;
}
