using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Files.Jq;

/// <summary>
/// One node of a parsed jq program. A single shape with optional children keeps the AST in one
/// type: <see cref="A"/>/<see cref="B"/>/<see cref="C"/>/<see cref="D"/> are the operands in the
/// order the kind documents (target, index, from, to; condition, then, else; source, init, update, extract).
/// </summary>
internal sealed class JqNode(JqNodeKind kind)
{
    public JqNodeKind Kind { get; } = kind;

    /// <summary>Field name, operator, variable or function name.</summary>
    public string Name { get; init; } = "";

    public JsonNode? Value { get; init; }

    public JqNode? A { get; init; }

    public JqNode? B { get; init; }

    public JqNode? C { get; init; }

    public JqNode? D { get; init; }

    /// <summary>Function arguments, interpolation parts, or if/elif conditions and branches.</summary>
    public IReadOnlyList<JqNode> Args { get; init; } = [];

    /// <summary>Object construction entries (key, value; value null for the shorthand forms).</summary>
    public IReadOnlyList<(JqNode Key, JqNode? Value)> Entries { get; init; } = [];

    public static readonly JqNode Identity = new(JqNodeKind.Identity);
}
