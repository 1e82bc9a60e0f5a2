namespace LlmSpell.Components;

/// <summary>How a component output's text is read (runtime.md §7.1).</summary>
public enum OutputKind
{
    /// <summary>A tool envelope (JSON object), flattened into the result table.</summary>
    Envelope,

    /// <summary>A JSON value returned by a Lua tool: <c>data</c> plus compact <c>text</c>.</summary>
    Json,

    /// <summary>Plain text (file_operations, Lua tools returning strings).</summary>
    Prose,

    /// <summary>An agent reply: <c>text</c>, and <c>data</c> when the reply is a JSON object or array.</summary>
    Reply,
}
