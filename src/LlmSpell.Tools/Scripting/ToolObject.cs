using LlmSpell.Scripting;

namespace LlmSpell.Tools.Scripting;

/// <summary>
/// The tool object of <c>Tool.get</c> and <c>Tool.&lt;name&gt;</c>. It is a script object rather
/// than a plain table because it carries a callable <c>execute</c>; so <c>type(Tool.get(x))</c>
/// is <c>"userdata"</c>. Fields read like table fields, and <c>execute</c> works in both the
/// <c>t:execute(p)</c> and <c>t.execute(p)</c> forms (dot form allowed).
/// </summary>
internal sealed class ToolObject(ToolDescriptor descriptor, Func<string, ScriptArgs, int, object?> invoke) : ScriptObject
{
    private static readonly ScriptObjectType ObjectType = new ScriptObjectType("Tool", allowDotForm: true)
        .Field<ToolObject>("name", t => t.Descriptor.Name)
        .Field<ToolObject>("description", t => t.Descriptor.Description)
        .Field<ToolObject>("version", t => t.Descriptor.Version)
        .Field<ToolObject>("category", t => t.Descriptor.Category)
        .Field<ToolObject>("security_level", t => t.Descriptor.SecurityLevel)
        .Field<ToolObject>("requires_network", t => t.Descriptor.RequiresNetwork)
        .Field<ToolObject>("aliases", t => ToolInfo.Aliases(t.Descriptor))
        .Field<ToolObject>("schema", t => ToolInfo.Schema(t.Descriptor))
        .Method<ToolObject>("execute", (t, args) => t._invoke(t.Descriptor.Name, args, 0), "invoke");

    private readonly Func<string, ScriptArgs, int, object?> _invoke = invoke;

    public ToolDescriptor Descriptor { get; } = descriptor;

    public override ScriptObjectType Type => ObjectType;

    public override string DisplayText => $"Tool({Descriptor.Name})";
}
