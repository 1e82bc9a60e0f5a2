using LlmSpell.Scripting;

namespace LlmSpell.Tools.Infrastructure;

/// <summary>
/// A tool failure of the raise style (tools.md §1.4). The pipeline turns it into the script error
/// <c>Tool '&lt;name&gt;' failed: &lt;reason&gt;</c>, or <c>Tool '&lt;name&gt;' invalid parameters: &lt;reason&gt;</c>, or
/// <c>Tool '&lt;name&gt;' failed: security violation: &lt;reason&gt;</c>. The message is the reason only.
/// </summary>
public sealed class ToolFailureException : Exception
{
    private ToolFailureException(ToolFailureKind kind, string reason, string code)
        : base(reason)
    {
        Kind = kind;
        Code = code;
    }

    public ToolFailureKind Kind { get; }

    /// <summary>Envelope error code (tools.md §1.3) for callers that report failures as data.</summary>
    public string Code { get; }

    public static ToolFailureException Failed(string reason, string code = "execution_error") => new(ToolFailureKind.Failed, reason, code);

    public static ToolFailureException InvalidParameters(string reason) => new(ToolFailureKind.InvalidParameters, reason, "invalid_parameter");

    public static ToolFailureException Security(string reason) => new(ToolFailureKind.SecurityViolation, reason, "security_violation");

    /// <summary>The full script-facing message for a tool.</summary>
    public string ScriptMessage(string toolName) => Kind switch
    {
        ToolFailureKind.InvalidParameters => $"Tool '{toolName}' invalid parameters: {Message}",
        ToolFailureKind.SecurityViolation => $"Tool '{toolName}' failed: security violation: {Message}",
        _ => $"Tool '{toolName}' failed: {Message}",
    };

    public ScriptException ToScriptException(string toolName) => new(ScriptMessage(toolName), this);
}

public enum ToolFailureKind
{
    Failed,
    InvalidParameters,
    SecurityViolation,
}
