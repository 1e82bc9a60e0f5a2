using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Runtime;

namespace LlmSpell.Globals;

/// <summary>Performance and stack reports of the Debug global.</summary>
internal static class DebugReports
{
    public static string Text(IReadOnlyList<DebugTimer> timers)
    {
        var sb = new StringBuilder("Performance Report\n==================\n");
        if (timers.Count == 0)
        {
            sb.Append("No timers recorded.\n");
        }

        foreach (var t in timers)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{t.Name}: {t.ElapsedMicroseconds / 1000.0:0.###} ms{(t.IsStopped ? "" : " (running)")}\n");
            foreach (var (name, us) in t.Laps)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  lap {name}: {us / 1000.0:0.###} ms\n");
            }

            foreach (var (name, us, _) in t.Events)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  event {name} at {us / 1000.0:0.###} ms\n");
            }
        }

        return sb.ToString();
    }

    public static JsonObject Json(IReadOnlyList<DebugTimer> timers)
    {
        var arr = new JsonArray();
        foreach (var t in timers)
        {
            var laps = new JsonArray();
            foreach (var (name, us) in t.Laps)
            {
                laps.Add((JsonNode)new JsonObject { ["name"] = name, ["elapsed_us"] = us });
            }

            var events = new JsonArray();
            foreach (var (name, us, meta) in t.Events)
            {
                events.Add((JsonNode)new JsonObject { ["name"] = name, ["elapsed_us"] = us, ["metadata"] = meta?.DeepClone() });
            }

            arr.Add((JsonNode)new JsonObject
            {
                ["id"] = t.Id,
                ["name"] = t.Name,
                ["elapsed_us"] = t.ElapsedMicroseconds,
                ["stopped"] = t.IsStopped,
                ["laps"] = laps,
                ["events"] = events,
            });
        }

        return new JsonObject { ["timers"] = arr, ["timer_count"] = timers.Count };
    }

    /// <summary>Folded stacks ("timer;lap µs" per line) for flame graph tools.</summary>
    public static string Flame(IReadOnlyList<DebugTimer> timers)
    {
        var sb = new StringBuilder();
        foreach (var t in timers)
        {
            long previous = 0;
            foreach (var (name, us) in t.Laps)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{t.Name};{name} {us - previous}\n");
                previous = us;
            }

            sb.Append(CultureInfo.InvariantCulture, $"{t.Name} {Math.Max(0, t.ElapsedMicroseconds - previous)}\n");
        }

        return sb.ToString();
    }

    public static string StackText(IReadOnlyList<ScriptFrame> frames)
    {
        var sb = new StringBuilder("stack traceback:\n");
        foreach (var f in frames)
        {
            sb.Append("  ").Append(f.Source);
            if (f.Line > 0)
            {
                sb.Append(':').Append(f.Line.ToString(CultureInfo.InvariantCulture));
            }

            sb.Append(": in ").Append(f.Function is null ? $"{f.Kind} chunk" : $"function '{f.Function}'").Append('\n');
        }

        return sb.ToString();
    }

    public static JsonObject StackJson(IReadOnlyList<ScriptFrame> frames)
    {
        var arr = new JsonArray();
        foreach (var f in frames)
        {
            arr.Add((JsonNode)new JsonObject { ["source"] = f.Source, ["line"] = f.Line, ["function"] = f.Function, ["what"] = f.Kind });
        }

        return new JsonObject { ["frames"] = arr, ["depth"] = frames.Count };
    }
}
