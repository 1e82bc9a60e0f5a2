using System.Text.Json.Nodes;
using LlmSpell.Diagnostics;
using LlmSpell.Runtime;
using LlmSpell.Scripting;
using LlmSpell.Values;

namespace LlmSpell.Globals;

/// <summary>The Logger global (globals.md §16): structured lines on stderr.</summary>
public sealed class LoggerGlobal(RunContext context) : IScriptGlobal
{
    private LogLevel _level = context.Verbosity >= 2 ? LogLevel.Trace : context.Verbosity >= 1 ? LogLevel.Debug : LogLevel.Info;

    public GlobalDefinition Define()
    {
        var def = new GlobalDefinition("Logger");
        AddLevelFunctions(def, "script");
        def.Function("setLevel", a =>
            {
                if (LogLevels.Parse(a.String(0, "level")) is not { } l)
                {
                    return false;
                }

                _level = l;
                return true;
            }, "set_level")
            .Function("getLevel", _ => LogLevels.Name(_level), "get_level")
            .Function("child", a => new ChildLogger(this, a.String(0, "name")));
        return def;
    }

    private void AddLevelFunctions(GlobalDefinition def, string name)
    {
        foreach (var level in new[] { LogLevel.Trace, LogLevel.Debug, LogLevel.Info, LogLevel.Warn, LogLevel.Error })
        {
            def.Function(LogLevels.Name(level), a => Write(level, name, a, 0));
        }

        def.Function("log", a => LogLevels.Parse(a.String(0, "level")) is { } l ? Write(l, name, a, 1) : null);
    }

    internal object? Write(LogLevel level, string name, ScriptArgs a, int messageIndex)
    {
        if (level > _level || level == LogLevel.Off)
        {
            return null;
        }

        var message = a.TypeOf(messageIndex) switch
        {
            ScriptType.Nil => "nil",
            ScriptType.Boolean => a.Bool(messageIndex, "msg") ? "true" : "false",
            ScriptType.String or ScriptType.Integer or ScriptType.Float => a.String(messageIndex, "msg"),
            _ => JsonText.Compact(a.ValueWithCallables(messageIndex, "msg")),
        };
        var line = $"{context.Time.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} {LogLevels.Upper(level)} [{name}] {message}";
        if (!a.IsNil(messageIndex + 1))
        {
            line += " " + JsonText.Compact(a.Value(messageIndex + 1, "data"));
        }

        context.Output.WriteStderrLine(line);
        return null;
    }

    /// <summary>Logger.child(name): the same functions, printing [name].</summary>
    private sealed class ChildLogger : ScriptObject
    {
        private static readonly Dictionary<LoggerGlobal, ScriptObjectType> Types = [];
        private readonly ScriptObjectType _type;

        public ChildLogger(LoggerGlobal owner, string name)
        {
            Name = name;
            lock (Types)
            {
                if (!Types.TryGetValue(owner, out var type))
                {
                    type = new ScriptObjectType("Logger", allowDotForm: true);
                    foreach (var level in new[] { LogLevel.Trace, LogLevel.Debug, LogLevel.Info, LogLevel.Warn, LogLevel.Error })
                    {
                        type.Method<ChildLogger>(LogLevels.Name(level), (c, a) => owner.Write(level, c.Name, a, 0));
                    }

                    type.Method<ChildLogger>("log", (c, a) => LogLevels.Parse(a.String(0, "level")) is { } l ? owner.Write(l, c.Name, a, 1) : null);
                    type.Method<ChildLogger>("child", (c, a) => new ChildLogger(owner, $"{c.Name}.{a.String(0, "name")}"));
                    Types[owner] = type;
                }

                _type = type;
            }
        }

        public string Name { get; }

        public override ScriptObjectType Type => _type;

        public override string DisplayText => $"Logger({Name})";
    }
}
