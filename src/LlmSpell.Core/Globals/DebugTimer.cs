using System.Diagnostics;
using LlmSpell.Scripting;

namespace LlmSpell.Globals;

/// <summary>A Debug.timer (globals.md §11): elapsed whole milliseconds, laps and recorded events.</summary>
public sealed class DebugTimer : ScriptObject
{
    public static readonly ScriptObjectType ScriptType = new ScriptObjectType("DebugTimer")
        .Field<DebugTimer>("id", t => t.Id)
        .Field<DebugTimer>("name", t => t.Name)
        .Method<DebugTimer>("stop", (t, _) => t.Stop())
        .Method<DebugTimer>("lap", (t, a) => t.Lap(a.OptString(0, "name") ?? $"lap_{t.Laps.Count + 1}"))
        .Method<DebugTimer>("elapsed", (t, _) => t.ElapsedMs);

    private readonly TimeProvider _time;
    private readonly long _start;
    private long? _stoppedAt;

    public DebugTimer(string name, TimeProvider time)
    {
        Name = name;
        _time = time;
        _start = time.GetTimestamp();
        Id = Guid.NewGuid().ToString();
    }

    public override ScriptObjectType Type => ScriptType;

    public override string DisplayText => $"DebugTimer({Name})";

    public string Id { get; }

    public string Name { get; }

    public bool IsStopped => _stoppedAt is not null;

    /// <summary>Laps: name and elapsed microseconds since start.</summary>
    public List<(string Name, long Microseconds)> Laps { get; } = [];

    public List<(string Name, long Microseconds, System.Text.Json.Nodes.JsonNode? Metadata)> Events { get; } = [];

    public long ElapsedMicroseconds => (long)_time.GetElapsedTime(_start, _stoppedAt ?? _time.GetTimestamp()).TotalMicroseconds;

    public long ElapsedMs => ElapsedMicroseconds / 1000;

    public object? Stop()
    {
        if (_stoppedAt is not null)
        {
            return null;
        }

        _stoppedAt = _time.GetTimestamp();
        return ElapsedMs;
    }

    public bool Lap(string name)
    {
        if (IsStopped)
        {
            return false;
        }

        Laps.Add((name, ElapsedMicroseconds));
        return true;
    }

    internal static long Now() => Stopwatch.GetTimestamp();
}
