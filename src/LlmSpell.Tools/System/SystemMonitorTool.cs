using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Sys;

/// <summary>system_monitor (tools.md §5.25): real cpu/memory/disk/process figures; unavailable values are omitted.</summary>
internal sealed class SystemMonitorTool(ToolServices services) : ITool
{
    private static readonly string[] Operations = ["all", "cpu", "memory", "disk", "process"];

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "system_monitor",
        Description = "Report CPU, memory, disk and process statistics of this machine",
        Category = "system",
        Parameters = [Param.Enum("operation", "which statistics", Operations, def: "all")],
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var op = SysText.Operation(request, Operations, "all");
        var result = new JsonObject();
        if (op is "all" or "cpu")
        {
            Merge(result, await CpuAsync(cancellationToken));
        }

        if (op is "all" or "memory")
        {
            Merge(result, Memory());
        }

        if (op is "all" or "disk")
        {
            Merge(result, Disk());
        }

        if (op == "process")
        {
            Merge(result, ProcessInfo());
        }

        if (op == "all")
        {
            result["process"] = ProcessInfo();
            if (SystemStats.Uptime() is { } up)
            {
                result["uptime_seconds"] = (long)up;
            }

            if (SystemStats.ProcessCount() is { } count)
            {
                result["process_count"] = count;
            }

            result["hostname"] = Environment.MachineName;
            result["os"] = RuntimeInformation.OSDescription;
        }

        return Envelope.Success(op, $"System statistics ({op})", result);
    }

    private static void Merge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source.ToList())
        {
            source.Remove(key);
            target[key] = value;
        }
    }

    private async Task<JsonObject> CpuAsync(CancellationToken ct)
    {
        var cpu = new JsonObject();
        if (SystemStats.CpuTimes() is { } first)
        {
            // Usage is the busy share over a short sampling window, as top computes it.
            await Task.Delay(TimeSpan.FromMilliseconds(200), services.Time, ct);
            if (SystemStats.CpuTimes() is { } second && second.Total > first.Total)
            {
                cpu["cpu_usage_percent"] = SysText.Round(100.0 * (second.Busy - first.Busy) / (second.Total - first.Total));
            }
        }

        cpu["cpu_count"] = Environment.ProcessorCount;
        if (SystemStats.LoadAverage() is { } load)
        {
            cpu["load_average"] = new JsonObject { ["one"] = load[0], ["five"] = load[1], ["fifteen"] = load[2] };
        }

        return cpu;
    }

    private static JsonObject Memory()
    {
        var memory = new JsonObject();
        if (SystemStats.Memory() is { } m)
        {
            var used = m.Total - m.Available;
            memory["total_memory_bytes"] = m.Total;
            memory["used_memory_bytes"] = used;
            memory["available_memory_bytes"] = m.Available;
            memory["memory_usage_percent"] = SysText.Round(100.0 * used / m.Total);
            memory["total_formatted"] = SysText.FormatBytes(m.Total);
            memory["used_formatted"] = SysText.FormatBytes(used);
            memory["available_formatted"] = SysText.FormatBytes(m.Available);
        }

        return memory;
    }

    private static JsonObject Disk()
    {
        var disks = new JsonArray();
        foreach (var d in SystemStats.Disks())
        {
            disks.Add((JsonNode)new JsonObject
            {
                ["mount_point"] = d.RootDirectory.FullName,
                ["total_bytes"] = d.TotalSize,
                ["available_bytes"] = d.AvailableFreeSpace,
                ["usage_percent"] = SysText.Round(100.0 * (d.TotalSize - d.TotalFreeSpace) / d.TotalSize),
            });
        }

        return new JsonObject { ["disks"] = disks };
    }

    private JsonObject ProcessInfo()
    {
        using var self = Process.GetCurrentProcess();
        var uptime = services.Time.GetUtcNow() - self.StartTime.ToUniversalTime();
        return new JsonObject
        {
            ["pid"] = Environment.ProcessId,
            ["working_set_bytes"] = self.WorkingSet64,
            ["managed_heap_bytes"] = GC.GetTotalMemory(false),
            ["threads"] = self.Threads.Count,
            ["uptime_seconds"] = (long)Math.Max(0, uptime.TotalSeconds),
        };
    }
}
