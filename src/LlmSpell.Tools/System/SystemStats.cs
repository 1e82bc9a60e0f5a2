using System.Globalization;

namespace LlmSpell.Tools.Sys;

/// <summary>
/// Reads operating-system statistics from /proc (Linux). Every reader returns null when the source
/// is missing so callers omit the value instead of inventing one.
/// </summary>
internal static class SystemStats
{
    private static readonly HashSet<string> PseudoFileSystems = new(StringComparer.OrdinalIgnoreCase)
    {
        "proc", "sysfs", "devpts", "devtmpfs", "cgroup", "cgroup2", "securityfs", "debugfs", "tracefs", "pstore",
        "bpf", "mqueue", "hugetlbfs", "configfs", "fusectl", "autofs", "binfmt_misc", "nsfs", "rpc_pipefs", "squashfs", "ramfs",
    };

    /// <summary>(busy, total) jiffies of all CPUs from the first line of /proc/stat.</summary>
    public static (ulong Busy, ulong Total)? CpuTimes()
    {
        var line = ReadLines("/proc/stat")?.FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => ulong.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        if (values.Length < 4)
        {
            return null;
        }

        ulong total = 0;
        foreach (var v in values.Take(8))
        {
            total += v;
        }

        var idle = values[3] + (values.Length > 4 ? values[4] : 0);
        return (total - idle, total);
    }

    public static double[]? LoadAverage()
    {
        var text = ReadText("/proc/loadavg");
        var parts = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is { Length: >= 3 } ? [.. parts.Take(3).Select(p => double.Parse(p, CultureInfo.InvariantCulture))] : null;
    }

    /// <summary>(MemTotal, MemAvailable) in bytes.</summary>
    public static (long Total, long Available)? Memory()
    {
        var lines = ReadLines("/proc/meminfo");
        if (lines is null)
        {
            return null;
        }

        long? Field(string name)
        {
            var line = lines.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal));
            var parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts is { Length: >= 2 } ? long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024 : null;
        }

        var total = Field("MemTotal");
        var available = Field("MemAvailable") ?? Field("MemFree");
        return total is { } t && available is { } a ? (t, a) : null;
    }

    public static double? Uptime()
    {
        var text = ReadText("/proc/uptime");
        var first = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is not null && double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    public static int? ProcessCount()
    {
        try
        {
            return Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc").Count(d => Path.GetFileName(d).All(char.IsAsciiDigit)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Real, ready file systems (pseudo file systems and empty mounts excluded).</summary>
    public static IEnumerable<DriveInfo> Disks()
    {
        foreach (var drive in DriveInfo.GetDrives())
        {
            bool keep;
            try
            {
                keep = drive.IsReady && drive.TotalSize > 0 && !PseudoFileSystems.Contains(drive.DriveFormat);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                keep = false;
            }

            if (keep)
            {
                yield return drive;
            }
        }
    }

    private static string? ReadText(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string[]? ReadLines(string path) => ReadText(path)?.Split('\n');
}
