using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Scripting;
using LlmSpell.Values;

namespace LlmSpell.Globals;

/// <summary>Options of Debug.dumpWithOptions.</summary>
internal sealed record DumpOptions(int MaxDepth, int IndentSize, int MaxStringLength, int MaxArrayElements, int MaxTablePairs, bool ShowTypes, bool Compact)
{
    public static readonly DumpOptions Default = new(10, 2, 200, 50, 50, true, false);

    public static DumpOptions From(JsonObject? o) => o is null ? Default : new(
        (int)(JsonValues.AsInteger(o["max_depth"]) ?? 10),
        (int)(JsonValues.AsInteger(o["indent_size"]) ?? 2),
        (int)(JsonValues.AsInteger(o["max_string_length"]) ?? 200),
        (int)(JsonValues.AsInteger(o["max_array_elements"]) ?? 50),
        (int)(JsonValues.AsInteger(o["max_table_pairs"]) ?? 50),
        JsonValues.AsBool(o["show_types"]) ?? true,
        JsonValues.AsBool(o["compact_mode"]) ?? false);
}

/// <summary>Renders values for Debug.dump: Lua-like table syntax with limits on depth and size.</summary>
internal static class ValueDumper
{
    public static string Dump(JsonNode? value, DumpOptions o)
    {
        var sb = new StringBuilder();
        Write(sb, value, o, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode? v, DumpOptions o, int depth)
    {
        switch (v)
        {
            case null:
                sb.Append("nil");
                return;
            case JsonArray arr:
                if (depth >= o.MaxDepth)
                {
                    sb.Append("{...}");
                    return;
                }

                sb.Append('{');
                var shown = Math.Min(arr.Count, o.MaxArrayElements);
                for (var i = 0; i < shown; i++)
                {
                    Separator(sb, o, depth + 1, i == 0);
                    Write(sb, arr[i], o, depth + 1);
                }

                if (arr.Count > shown)
                {
                    Separator(sb, o, depth + 1, false);
                    sb.Append("... (").Append(arr.Count - shown).Append(" more)");
                }

                Close(sb, o, depth, arr.Count == 0);
                return;
            case JsonObject obj:
                if (depth >= o.MaxDepth)
                {
                    sb.Append("{...}");
                    return;
                }

                sb.Append('{');
                var n = 0;
                foreach (var (k, child) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (n == o.MaxTablePairs)
                    {
                        Separator(sb, o, depth + 1, false);
                        sb.Append("... (").Append(obj.Count - n).Append(" more)");
                        break;
                    }

                    Separator(sb, o, depth + 1, n == 0);
                    sb.Append(k).Append(" = ");
                    Write(sb, child, o, depth + 1);
                    n++;
                }

                Close(sb, o, depth, obj.Count == 0);
                return;
            case JsonValue jv:
                WriteScalar(sb, jv, o);
                return;
        }
    }

    private static void WriteScalar(StringBuilder sb, JsonValue v, DumpOptions o)
    {
        switch (JsonValues.Classify(v))
        {
            case ValueKind.String:
                var s = v.GetValue<string>();
                if (s.Length > o.MaxStringLength)
                {
                    s = s[..o.MaxStringLength] + "...";
                }

                sb.Append('"').Append(s.Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                return;
            case ValueKind.Integer:
                sb.Append(JsonValues.GetInteger(v));
                return;
            case ValueKind.Float:
                sb.Append(JsonText.FormatFloat(JsonValues.GetFloat(v)));
                return;
            case ValueKind.Boolean:
                sb.Append(v.GetValue<bool>() ? "true" : "false");
                return;
        }

        if (v.TryGetValue<IScriptFunction>(out _))
        {
            sb.Append("<function>");
        }
        else if (v.TryGetValue<ScriptObject>(out var obj))
        {
            sb.Append('<').Append(obj.DisplayText).Append('>');
        }
        else
        {
            sb.Append("null");
        }
    }

    private static void Separator(StringBuilder sb, DumpOptions o, int depth, bool first)
    {
        if (!first)
        {
            sb.Append(',');
        }

        if (o.Compact)
        {
            sb.Append(' ');
            return;
        }

        sb.Append('\n').Append(' ', depth * o.IndentSize);
    }

    private static void Close(StringBuilder sb, DumpOptions o, int depth, bool empty)
    {
        if (!empty)
        {
            if (o.Compact)
            {
                sb.Append(' ');
            }
            else
            {
                sb.Append('\n').Append(' ', depth * o.IndentSize);
            }
        }

        sb.Append('}');
    }
}
