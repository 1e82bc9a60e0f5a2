using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Files.Jq;

/// <summary>Immutable variable scope (a linked list: bindings are few and short-lived).</summary>
internal sealed class JqEnv(string name, JsonNode? value, JqEnv? parent)
{
    public static readonly JqEnv Empty = new("", null, null);

    public JqEnv Bind(string n, JsonNode? v) => new(n, v, this);

    public JsonNode? Lookup(string n)
    {
        for (var e = this; e is not null && e._parent is not null; e = e._parent)
        {
            if (e._name == n)
            {
                return e._value;
            }
        }

        throw new JqException($"${n} is not defined");
    }

    private readonly string _name = name;
    private readonly JsonNode? _value = value;
    private readonly JqEnv? _parent = parent;
}
