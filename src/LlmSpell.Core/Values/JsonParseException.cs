namespace LlmSpell.Values;

/// <summary>JSON text could not be parsed; the message ends with "at line L column C".</summary>
public sealed class JsonParseException(string message, int line, int column) : Exception(message)
{
    /// <summary>1-based line of the error.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column of the error.</summary>
    public int Column { get; } = column;
}
