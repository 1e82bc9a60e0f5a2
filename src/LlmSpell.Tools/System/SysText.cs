using System.Globalization;
using System.Text.Json.Nodes;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Sys;

/// <summary>Small formatting and parameter helpers shared by the system-area tools.</summary>
internal static class SysText
{
    public static string FormatBytes(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : string.Create(CultureInfo.InvariantCulture, $"{value:0.00} {units[unit]}");
    }

    public static double Round(double value, int digits = 2) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

    /// <summary>The operation, or <paramref name="fallback"/>; an unknown one raises invalid parameters.</summary>
    public static string Operation(ToolRequest request, string[] allowed, string? fallback = null)
    {
        var op = request.Operation ?? fallback ?? throw ToolFailureException.InvalidParameters("missing required parameter 'operation'");
        return allowed.Contains(op)
            ? op
            : throw ToolFailureException.InvalidParameters($"parameter 'operation': expected one of {string.Join(", ", allowed)}, got '{request.String("operation")}'");
    }

    /// <summary>An optional integer parameter; a non-integral value raises invalid parameters.</summary>
    public static long? OptInt(ToolRequest request, string name)
    {
        var node = request[name];
        if (node is null)
        {
            return null;
        }

        return request.Integer(name) ?? throw ToolFailureException.InvalidParameters($"parameter '{name}': expected integer, got {Values.JsonValues.ScriptTypeName(node)}");
    }

    /// <summary>An optional array of strings; other shapes raise invalid parameters.</summary>
    public static List<string> Strings(ToolRequest request, string name)
    {
        var node = request[name];
        if (node is null)
        {
            return [];
        }

        var array = request.Array(name) ?? throw ToolFailureException.InvalidParameters($"parameter '{name}': expected array, got {Values.JsonValues.ScriptTypeName(node)}");
        var list = new List<string>(array.Count);
        foreach (var item in array)
        {
            list.Add(item switch
            {
                JsonValue v when Values.JsonValues.AsString(v) is { } s => s,
                JsonValue v when Values.JsonValues.IsNumber(v) => Values.JsonText.Compact(v),
                _ => throw ToolFailureException.InvalidParameters($"parameter '{name}': expected array of strings"),
            });
        }

        return list;
    }
}
