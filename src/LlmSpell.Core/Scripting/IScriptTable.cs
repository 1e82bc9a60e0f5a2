using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Scripting;

/// <summary>
/// A reference to a table that lives in the script engine, for the few APIs that must keep the
/// identity of the script's table (JSON.array marks and returns the same table). Use on the
/// script thread only.
/// </summary>
public interface IScriptTable
{
    /// <summary>Marks the table so it converts to a JSON array or object even when empty.</summary>
    void MarkAs(ValueKind kind);

    /// <summary>Converts the table to the neutral model.</summary>
    JsonNode? ToJson(string path);
}
