namespace LlmSpell.Tools.Utility.Calculator;

/// <summary>A problem with an expression; the calculator reports it as a failure envelope.</summary>
internal sealed class ExpressionException(string message) : Exception(message)
{
}
