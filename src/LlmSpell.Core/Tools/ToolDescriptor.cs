using LlmSpell.Components;

namespace LlmSpell.Tools;

/// <summary>What a tool is: identity, classification and parameter schema (tools.md §1, §3).</summary>
public sealed record ToolDescriptor
{
    /// <summary>Canonical snake_case name.</summary>
    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>utility, data, api, filesystem, system, media, web, communication, custom, agent.</summary>
    public required string Category { get; init; }

    /// <summary>safe, restricted or privileged (informational).</summary>
    public string SecurityLevel { get; init; } = "safe";

    public string Version { get; init; } = "1.0.0";

    public bool RequiresNetwork { get; init; }

    /// <summary>Extra aliases beyond the hyphenated spelling (datetime_handler).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public IReadOnlyList<ToolParameter> Parameters { get; init; } = [];

    /// <summary>Envelope for every built-in except file_operations (prose).</summary>
    public OutputKind OutputKind { get; init; } = OutputKind.Envelope;

    /// <summary>Time limit when the caller gives none (30 s unless the tool states otherwise).</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// True when the tool validates its own parameters (calculator: never raises, reports problems
    /// as failure envelopes, tools.md §5.2).
    /// </summary>
    public bool ValidatesOwnParameters { get; init; }
}
