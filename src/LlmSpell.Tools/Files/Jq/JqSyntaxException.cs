namespace LlmSpell.Tools.Files.Jq;

/// <summary>A jq program that cannot be parsed; the message names the position.</summary>
internal sealed class JqSyntaxException(string message) : Exception(message);
