namespace LlmSpell.Scripting;

/// <summary>Several return values of one API call.</summary>
public sealed record ScriptValues(params object?[] Values);

/// <summary>The JSON null sentinel (JSON.null), distinct from an absent value.</summary>
public sealed class ScriptNull
{
    public static readonly ScriptNull Instance = new();

    private ScriptNull()
    {
    }
}

/// <summary>
/// A table that displays as <paramref name="DisplayName"/> in string contexts (tostring and
/// concatenation), as provider tables do (globals.md §10). Converts to JSON as its <paramref name="Table"/>.
/// </summary>
public sealed record NamedTable(System.Text.Json.Nodes.JsonObject Table, string DisplayName);
