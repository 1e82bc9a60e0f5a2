using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LlmSpell.Scripting;
using LlmSpell.Tools.Pipeline;
using LlmSpell.Values;

namespace LlmSpell.Tools.Scripting;

/// <summary><c>Tool.register</c> and <c>Tool.unregister</c>: Lua-defined tools (behaviours.md §3.2).</summary>
internal sealed partial class ToolRegistration(ToolRegistry registry)
{
    private static readonly string[] Types = ["string", "integer", "number", "boolean", "array", "object", "any"];

    public object? Register(ScriptArgs args)
    {
        string name;
        IScriptFunction fn;
        JsonObject spec;
        if (args.TypeOf(0) == ScriptType.String)
        {
            name = args.String(0, "name");
            fn = args.Function(1, "fn");
            spec = args.OptObject(2, "spec", allowCallables: true) ?? [];
        }
        else
        {
            spec = args.Object(0, "spec", allowCallables: true);
            name = JsonValues.AsString(spec["name"]) ?? throw args.InvalidArgument("spec.name is required");
            fn = spec["execute"] is JsonValue v && v.TryGetValue<IScriptFunction>(out var f)
                ? f
                : throw args.InvalidArgument("spec.execute must be a function");
        }

        if (!NamePattern().IsMatch(name))
        {
            throw args.InvalidArgument($"invalid tool name '{name}' (expected ^[A-Za-z][A-Za-z0-9_-]{{0,63}}$)");
        }

        var descriptor = new ToolDescriptor
        {
            Name = name,
            Description = JsonValues.AsString(spec["description"]) ?? string.Empty,
            Category = JsonValues.AsString(spec["category"]) ?? "custom",
            SecurityLevel = JsonValues.AsString(spec["security_level"]) ?? "safe",
            Version = JsonValues.AsString(spec["version"]) ?? "1.0.0",
            RequiresNetwork = JsonValues.AsBool(spec["requires_network"]) ?? false,
            Parameters = Parameters(args, spec["parameters"]),
            OutputKind = Components.OutputKind.Prose,
        };
        return registry.TryAdd(new ScriptTool(descriptor, fn))
            ? name
            : throw args.InvalidArgument($"a tool named '{name}' already exists");
    }

    public object? Unregister(ScriptArgs args)
    {
        var name = args.String(0, "name");
        if ((registry.Find(name) is { } tool && registry.IsBuiltIn(tool.Descriptor.Name)) || registry.IsDisabled(name))
        {
            throw args.InvalidArgument($"built-in tool '{name}' cannot be unregistered");
        }

        return registry.Remove(name);
    }

    private static List<ToolParameter> Parameters(ScriptArgs args, JsonNode? node)
    {
        var list = new List<ToolParameter>();
        if (node is not JsonArray array)
        {
            return list;
        }

        foreach (var item in array.OfType<JsonObject>())
        {
            var pname = JsonValues.AsString(item["name"]) ?? throw args.InvalidArgument("every parameter needs a name");
            var type = (JsonValues.AsString(item["type"]) ?? "any").ToLowerInvariant();
            if (!Types.Contains(type))
            {
                throw args.InvalidArgument($"parameter '{pname}': unknown type '{type}' (expected one of {string.Join(", ", Types)})");
            }

            list.Add(new ToolParameter(pname, type, JsonValues.AsString(item["description"]) ?? string.Empty,
                JsonValues.AsBool(item["required"]) ?? false, item["default"]?.DeepClone()));
        }

        return list;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();
}
