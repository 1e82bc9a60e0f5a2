using System.Text.Json.Nodes;
using LlmSpell.Scripting;
using LlmSpell.Values;

namespace LlmSpell.Globals;

/// <summary>The JSON global (globals.md §12).</summary>
public sealed class JsonGlobal : IScriptGlobal
{
    public GlobalDefinition Define() => new GlobalDefinition("JSON")
        .Function("stringify", Stringify, "encode")
        .Function("parse", Parse, "decode")
        .Function("array", a => Mark(a, ValueKind.Array))
        .Function("object", a => Mark(a, ValueKind.Object))
        .Value("null", ScriptNull.Instance);

    private static object? Stringify(ScriptArgs args)
    {
        var value = args.Value(0, "value");
        var pretty = false;
        var indent = 2;
        switch (args.TypeOf(1))
        {
            case ScriptType.Boolean:
                pretty = args.Bool(1, "pretty");
                break;
            case ScriptType.Table:
                var opts = args.Object(1, "options");
                pretty = JsonValues.AsBool(opts["pretty"]) ?? false;
                indent = (int)(JsonValues.AsInteger(opts["indent"]) ?? 2);
                break;
        }

        return pretty ? JsonText.Pretty(value, indent: indent) : JsonText.Compact(value);
    }

    private static object? Parse(ScriptArgs args)
    {
        var text = args.String(0, "text");
        try
        {
            return JsonText.Parse(text);
        }
        catch (JsonParseException ex)
        {
            throw new ScriptException($"JSON.parse: {ex.Message}");
        }
    }

    private static object? Mark(ScriptArgs args, ValueKind kind)
    {
        if (args.IsNil(0))
        {
            return kind == ValueKind.Array ? new JsonArray() : new JsonObject();
        }

        var table = args.TableRef(0, "table");
        table.MarkAs(kind);
        return table;
    }
}
