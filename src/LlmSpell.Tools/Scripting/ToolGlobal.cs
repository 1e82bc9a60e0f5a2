using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Runtime;
using LlmSpell.Scripting;
using LlmSpell.Tools.Pipeline;
using LlmSpell.Values;

namespace LlmSpell.Tools.Scripting;

/// <summary>The <c>Tool</c> global (globals.md §2), a script face over <see cref="ToolPipeline"/>.</summary>
/// <remarks>
/// The pipeline (and with it all built-in tools) is created on first use, not when the global is
/// defined: most scripts never touch a tool, and start-up time is a product requirement.
/// </remarks>
internal sealed class ToolGlobal(Func<ToolPipeline> pipelineFactory, RunContext context) : IScriptGlobal
{
    private ToolPipeline? _pipeline;
    private ToolRegistration? _registration;

    private ToolPipeline Pipeline => _pipeline ??= pipelineFactory();

    private ToolRegistration Registration => _registration ??= new ToolRegistration(Pipeline.Registry);

    private static readonly HashSet<string> FunctionNames =
    [
        "list", "get", "invoke", "execute", "exists", "is_available", "get_info", "get_schema",
        "categories", "discover", "register", "unregister", "batch",
    ];

    public GlobalDefinition Define()
    {
        var def = new GlobalDefinition("Tool")
            .Function("invoke", Invoke, "execute")
            .Function("list", _ => new JsonArray([.. Pipeline.List().Select(d => (JsonNode)ToolInfo.Summary(d))]))
            .Function("get", args => NameArg(args) is { } n && Pipeline.Find(n) is { } d ? NewObject(d) : null)
            .Function("exists", args => NameArg(args) is { } n && Pipeline.Find(n) is not null, "is_available")
            .Function("get_info", args => NameArg(args) is { } n && Pipeline.Find(n) is { } d ? ToolInfo.Full(d) : null)
            .Function("get_schema", args => NameArg(args) is { } n && Pipeline.Find(n) is { } d ? ToolInfo.Schema(d) : null)
            .Function("categories", _ => new JsonArray([.. Pipeline.List().Select(d => d.Category).Distinct().Order(StringComparer.Ordinal).Select(c => (JsonNode)JsonValue.Create(c))]))
            .Function("discover", Discover)
            .Function("register", a => Registration.Register(a))
            .Function("unregister", a => Registration.Unregister(a))
            .Function("batch", args => new ToolBatch(Pipeline, context).Run(args));
        def.Index = key => FunctionNames.Contains(key) || Pipeline.Find(key) is not { } d ? null : NewObject(d);
        return def;
    }

    private object? Invoke(ScriptArgs args)
    {
        var name = args.String(0, "name");
        var parameters = args.OptObject(1, "params") ?? [];
        var opts = args.OptObject(2, "opts");
        return Run(name, parameters, TimeoutOf(opts));
    }

    private ComponentOutput Run(string name, JsonObject parameters, TimeSpan? timeout) =>
        context.Dispatcher.Wait(Pipeline.InvokeAsync(name, parameters, ToolCaller.Script, timeout, context.Cancellation));

    private ToolObject NewObject(ToolDescriptor d) =>
        new(d, (name, args, first) => Run(name, args.OptObject(first, "params") ?? [], TimeoutOf(args.OptObject(first + 1, "opts"))));

    private JsonArray Discover(ScriptArgs args)
    {
        var filter = args.OptObject(0, "filter") ?? [];
        var category = JsonValues.AsString(filter["category"]);
        var tag = JsonValues.AsString(filter["tag"]);
        var level = JsonValues.AsString(filter["security_level"]);
        var network = JsonValues.AsBool(filter["requires_network"]);
        var found = Pipeline.List().Where(d =>
            (category is null || string.Equals(d.Category, category, StringComparison.OrdinalIgnoreCase))
            && (level is null || string.Equals(d.SecurityLevel, level, StringComparison.OrdinalIgnoreCase))
            && (network is null || d.RequiresNetwork == network)
            && (tag is null || d.Name.Contains(tag, StringComparison.OrdinalIgnoreCase) || d.Description.Contains(tag, StringComparison.OrdinalIgnoreCase)));
        return [.. found.Select(d => (JsonNode)ToolInfo.Discovered(d))];
    }

    internal static TimeSpan? TimeoutOf(JsonObject? opts) =>
        JsonValues.AsInteger(opts?["timeout_ms"]) is { } ms and > 0 ? TimeSpan.FromMilliseconds(ms) : null;

    private static string? NameArg(ScriptArgs args) => args.TypeOf(0) == ScriptType.String ? args.String(0, "name") : null;
}
