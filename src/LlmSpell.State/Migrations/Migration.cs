using System.Text.Json.Nodes;

namespace LlmSpell.State.Migrations;

/// <summary>A registered step: <see cref="Transform"/> maps (key, value) to the new value (null deletes).</summary>
public sealed record Migration(SemVer From, SemVer To, Func<string, JsonNode?, JsonNode?> Transform, string? Scope, string? Description);
