namespace LlmSpell.Diagnostics;

/// <summary>Levels shared by Debug and Logger (globals.md §11, §16).</summary>
public enum LogLevel
{
    Off = 0,
    Error = 1,
    Warn = 2,
    Info = 3,
    Debug = 4,
    Trace = 5,
}

/// <summary>Parsing and naming of <see cref="LogLevel"/>.</summary>
public static class LogLevels
{
    /// <summary>Parses "off/none/0, error/err/1, warn/warning/2, info/3, debug/4, trace/5" (case-insensitive).</summary>
    public static LogLevel? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "off" or "none" or "0" => LogLevel.Off,
        "error" or "err" or "1" => LogLevel.Error,
        "warn" or "warning" or "2" => LogLevel.Warn,
        "info" or "3" => LogLevel.Info,
        "debug" or "4" => LogLevel.Debug,
        "trace" or "5" => LogLevel.Trace,
        _ => null,
    };

    public static string Name(LogLevel level) => level.ToString().ToLowerInvariant();

    public static string Upper(LogLevel level) => level.ToString().ToUpperInvariant();
}
