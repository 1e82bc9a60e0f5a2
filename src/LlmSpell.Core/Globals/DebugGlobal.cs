using System.Text.Json.Nodes;
using LlmSpell.Diagnostics;
using LlmSpell.Runtime;
using LlmSpell.Scripting;
using LlmSpell.Values;

namespace LlmSpell.Globals;

/// <summary>The Debug global (globals.md §11).</summary>
public sealed class DebugGlobal(DebugLog log, RunContext context) : IScriptGlobal
{
    private readonly Dictionary<string, DebugTimer> _timers = new(StringComparer.Ordinal);
    private readonly List<DebugTimer> _timerOrder = [];

    public GlobalDefinition Define()
    {
        var def = new GlobalDefinition("Debug")
            .Function("log", a => Log(LogLevels.Parse(a.String(0, "level")), a, 1))
            .Function("error", a => Log(LogLevel.Error, a, 0))
            .Function("warn", a => Log(LogLevel.Warn, a, 0))
            .Function("info", a => Log(LogLevel.Info, a, 0))
            .Function("debug", a => Log(LogLevel.Debug, a, 0))
            .Function("trace", a => Log(LogLevel.Trace, a, 0))
            .Function("logWithData", LogWithData)
            .Function("setLevel", a =>
            {
                if (LogLevels.Parse(a.String(0, "level")) is not { } l)
                {
                    return false;
                }

                log.Level = l;
                return true;
            })
            .Function("getLevel", _ => LogLevels.Name(log.Level))
            .Function("setEnabled", a =>
            {
                log.Enabled = a.Truthy(0);
                return null;
            })
            .Function("isEnabled", _ => log.Enabled)
            .Function("addModuleFilter", a =>
            {
                var p = a.String(0, "pattern");
                log.AddFilter(new ModuleFilter(p, ModuleFilter.InferKind(p), a.OptBool(1, "enabled") ?? true));
                return null;
            })
            .Function("removeModuleFilter", a => log.RemoveFilter(a.String(0, "pattern")))
            .Function("clearModuleFilters", _ =>
            {
                log.ClearFilters();
                return null;
            })
            .Function("setDefaultFilterEnabled", a =>
            {
                log.DefaultFilterEnabled = a.Truthy(0);
                return null;
            })
            .Function("addAdvancedFilter", AddAdvancedFilter)
            .Function("getFilterSummary", _ => FilterSummary())
            .Function("getCapturedEntries", a => Captured(a.OptInteger(0, "limit")))
            .Function("clearCaptured", _ =>
            {
                log.ClearCaptured();
                return null;
            })
            .Function("timer", a => StartTimer(a.OptString(0, "name") ?? "timer"))
            .Function("recordEvent", RecordEvent)
            .Function("performanceReport", _ => DebugReports.Text(_timerOrder))
            .Function("jsonReport", _ => JsonText.Pretty(DebugReports.Json(_timerOrder)))
            .Function("flameGraph", _ => DebugReports.Flame(_timerOrder))
            .Function("memoryStats", _ => MemoryStats())
            .Function("memorySnapshot", _ => MemorySnapshot())
            .Function("dump", a => Dump(a, DumpOptions.Default, 1))
            .Function("dumpCompact", a => Dump(a, DumpOptions.Default with { Compact = true }, 1))
            .Function("dumpVerbose", a => Dump(a, DumpOptions.Default with { MaxDepth = 50, MaxStringLength = 10_000, MaxArrayElements = 1000, MaxTablePairs = 1000 }, 1))
            .Function("dumpWithOptions", a => Dump(a, DumpOptions.From(a.OptObject(1, "options")), 2))
            .Function("stackTrace", a => DebugReports.StackText(Frames(a)))
            .Function("stackTraceJson", a => JsonText.Compact(DebugReports.StackJson(Frames(a))));
        return def;
    }

    private object? Log(LogLevel? level, ScriptArgs a, int messageIndex)
    {
        if (level is null)
        {
            return null;
        }

        log.Log(level.Value, Text(a, messageIndex), a.OptString(messageIndex + 1, "module"));
        return null;
    }

    private object? LogWithData(ScriptArgs a)
    {
        if (LogLevels.Parse(a.String(0, "level")) is { } level)
        {
            log.Log(level, Text(a, 1), a.OptString(3, "module"), a.Value(2, "data"));
        }

        return null;
    }

    private static string Text(ScriptArgs a, int index) => a.TypeOf(index) switch
    {
        ScriptType.String or ScriptType.Integer or ScriptType.Float => a.String(index, "message"),
        ScriptType.Nil => "nil",
        ScriptType.Boolean => a.Bool(index, "message") ? "true" : "false",
        _ => JsonText.Compact(a.ValueWithCallables(index, "message")),
    };

    private object? AddAdvancedFilter(ScriptArgs a)
    {
        var kind = a.String(1, "kind").ToLowerInvariant();
        if (kind is not ("exact" or "prefix" or "glob" or "regex"))
        {
            return false;
        }

        log.AddFilter(new ModuleFilter(a.String(0, "pattern"), kind, a.OptBool(2, "enabled") ?? true));
        return true;
    }

    private JsonObject FilterSummary()
    {
        var rules = new JsonArray();
        foreach (var f in log.Filters)
        {
            rules.Add((JsonNode)new JsonObject { ["pattern"] = f.Pattern, ["pattern_type"] = f.Kind, ["enabled"] = f.Enabled });
        }

        return new JsonObject { ["default_enabled"] = log.DefaultFilterEnabled, ["total_rules"] = rules.Count, ["rules"] = rules };
    }

    private JsonArray Captured(long? limit)
    {
        var arr = new JsonArray();
        foreach (var e in log.Captured(limit is null ? null : (int)limit))
        {
            var o = new JsonObject
            {
                ["timestamp"] = e.Timestamp.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
                ["level"] = LogLevels.Name(e.Level),
                ["message"] = e.Message,
            };
            if (e.Module is not null)
            {
                o["module"] = e.Module;
            }

            if (e.Data is not null)
            {
                o["data"] = e.Data.DeepClone();
            }

            arr.Add((JsonNode)o);
        }

        return arr;
    }

    private DebugTimer StartTimer(string name)
    {
        var timer = new DebugTimer(name, context.Time);
        _timers[timer.Id] = timer;
        _timerOrder.Add(timer);
        return timer;
    }

    private object? RecordEvent(ScriptArgs a)
    {
        if (!_timers.TryGetValue(a.String(0, "timer_id"), out var timer))
        {
            return false;
        }

        timer.Events.Add((a.String(1, "name"), timer.ElapsedMicroseconds, a.Value(2, "metadata")));
        return true;
    }

    private JsonObject MemoryStats()
    {
        var gc = GC.GetGCMemoryInfo();
        var lua = context.Introspection?.ScriptMemoryBytes ?? 0;
        return new JsonObject
        {
            ["used_bytes"] = GC.GetTotalMemory(false) + lua,
            ["allocated_bytes"] = GC.GetTotalAllocatedBytes(),
            ["resident_bytes"] = Environment.WorkingSet,
            ["collections"] = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2),
            ["lua_bytes"] = lua,
            ["heap_size_bytes"] = gc.HeapSizeBytes,
        };
    }

    private JsonObject MemorySnapshot()
    {
        var usage = new JsonObject();
        foreach (var t in _timerOrder.Where(t => !t.IsStopped))
        {
            usage[t.Name] = 0;
        }

        return new JsonObject
        {
            ["timestamp_secs"] = context.Time.GetUtcNow().ToUnixTimeSeconds(),
            ["active_trackers"] = _timerOrder.Count(t => !t.IsStopped),
            ["total_memory_delta_bytes"] = GC.GetTotalMemory(false),
            ["tracker_memory_usage"] = usage,
        };
    }

    private static string Dump(ScriptArgs a, DumpOptions options, int labelIndex)
    {
        var value = a.ValueWithCallables(0, "value");
        var text = ValueDumper.Dump(value, options);
        return a.OptString(labelIndex, "label") is { } label ? $"{label}: {text}" : text;
    }

    private IReadOnlyList<ScriptFrame> Frames(ScriptArgs a)
    {
        var opts = a.OptObject(0, "options");
        var depth = (int)(JsonValues.AsInteger(opts?["max_depth"]) ?? 50);
        return context.Introspection?.StackFrames(depth) ?? [];
    }
}
