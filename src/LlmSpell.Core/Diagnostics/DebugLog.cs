using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Configuration;
using LlmSpell.Output;
using LlmSpell.Values;

namespace LlmSpell.Diagnostics;

/// <summary>
/// The Debug logging service (globals.md §11): level, module filters, capture buffer and output
/// to stdout/stderr/file in text or JSON form.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class DebugLog
{
    private readonly object _gate = new();
    private readonly RunOutput _output;
    private readonly TimeProvider _time;
    private readonly LinkedList<DebugEntry> _captured = new();
    private readonly List<ModuleFilter> _filters = [];
    private readonly Dictionary<string, LogLevel> _moduleLevels = new(StringComparer.Ordinal);
    private readonly bool _toStdout;
    private readonly bool _toStderr;
    private readonly string? _filePath;
    private readonly bool _json;
    private readonly bool _colored;
    private readonly int _capacity;

    public DebugLog(LlmSpellConfig config, RunOutput output, TimeProvider time, LogLevel? levelOverride = null)
    {
        _output = output;
        _time = time;
        Enabled = config.GetBool("debug.enabled", true);
        Level = levelOverride ?? LogLevels.Parse(config.GetString("debug.level")) ?? LogLevel.Info;
        _toStdout = config.GetBool("debug.output.stdout", true);
        _toStderr = config.GetBool("debug.output.stderr");
        _filePath = config.GetString("debug.output.file.path");
        _json = config.GetString("debug.output.format") == "json";
        var colored = config.Get("debug.output.colored");
        _colored = JsonValues.AsBool(colored) ?? !Console.IsOutputRedirected;
        _capacity = (int)config.GetInt("debug.output.buffer.max_entries", 10_000);
        DefaultFilterEnabled = true;
        foreach (var m in config.GetStrings("debug.module_filters.enabled"))
        {
            _filters.Add(new ModuleFilter(m, ModuleFilter.InferKind(m), true));
        }

        foreach (var m in config.GetStrings("debug.module_filters.disabled"))
        {
            _filters.Add(new ModuleFilter(m, ModuleFilter.InferKind(m), false));
        }

        if (config.GetSection("debug.module_filters.levels") is { } levels)
        {
            foreach (var (module, value) in levels)
            {
                if (LogLevels.Parse(JsonValues.AsString(value)) is { } l)
                {
                    _moduleLevels[module] = l;
                }
            }
        }
    }

    public bool Enabled { get; set; }

    public LogLevel Level { get; set; }

    public bool DefaultFilterEnabled { get; set; }

    /// <summary>Raised for each entry written (used to mirror entries as debug.log events).</summary>
    public event Action<DebugEntry>? Written;

    public IReadOnlyList<ModuleFilter> Filters
    {
        get
        {
            lock (_gate)
            {
                return [.. _filters];
            }
        }
    }

    public void AddFilter(ModuleFilter filter)
    {
        lock (_gate)
        {
            _filters.RemoveAll(f => f.Pattern == filter.Pattern);
            _filters.Add(filter);
        }
    }

    public bool RemoveFilter(string pattern)
    {
        lock (_gate)
        {
            return _filters.RemoveAll(f => f.Pattern == pattern) > 0;
        }
    }

    public void ClearFilters()
    {
        lock (_gate)
        {
            _filters.Clear();
        }
    }

    /// <summary>True when an entry at this level and module would be written.</summary>
    public bool IsEnabled(LogLevel level, string? module)
    {
        if (!Enabled || level == LogLevel.Off)
        {
            return false;
        }

        var threshold = Level;
        if (module is not null && _moduleLevels.TryGetValue(module, out var ml))
        {
            threshold = ml;
        }

        if (level > threshold)
        {
            return false;
        }

        if (module is null)
        {
            return true;
        }

        lock (_gate)
        {
            for (var i = _filters.Count - 1; i >= 0; i--)
            {
                if (_filters[i].Matches(module))
                {
                    return _filters[i].Enabled;
                }
            }
        }

        return DefaultFilterEnabled;
    }

    public void Log(LogLevel level, string message, string? module = null, JsonNode? data = null)
    {
        if (!IsEnabled(level, module))
        {
            return;
        }

        var entry = new DebugEntry(_time.GetLocalNow(), level, message, module, data);
        lock (_gate)
        {
            _captured.AddLast(entry);
            while (_captured.Count > _capacity)
            {
                _captured.RemoveFirst();
            }
        }

        var line = Format(entry, colored: false);
        if (_toStdout)
        {
            _output.WriteStdoutLine(_colored ? Format(entry, colored: true) : line);
        }

        if (_toStderr)
        {
            _output.WriteStderrLine(line);
        }

        if (_filePath is not null)
        {
            try
            {
                lock (_gate)
                {
                    File.AppendAllText(_filePath, line + "\n");
                }
            }
            catch (IOException)
            {
                // A debug log file that cannot be written must not fail the script.
            }
        }

        Written?.Invoke(entry);
    }

    public IReadOnlyList<DebugEntry> Captured(int? limit)
    {
        lock (_gate)
        {
            var all = _captured.ToList();
            return limit is { } n && n < all.Count ? all.Skip(all.Count - n).ToList() : all;
        }
    }

    public void ClearCaptured()
    {
        lock (_gate)
        {
            _captured.Clear();
        }
    }

    private string Format(DebugEntry e, bool colored)
    {
        if (_json)
        {
            var obj = new JsonObject
            {
                ["timestamp"] = e.Timestamp.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture),
                ["level"] = LogLevels.Name(e.Level),
                ["message"] = e.Message,
            };
            if (e.Module is not null)
            {
                obj["module"] = e.Module;
            }

            if (e.Data is not null)
            {
                obj["data"] = e.Data.DeepClone();
            }

            return JsonText.Compact(obj);
        }

        var sb = new StringBuilder();
        sb.Append(e.Timestamp.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
        var level = LogLevels.Upper(e.Level).PadRight(5);
        sb.Append(colored ? $"\u001b[{Color(e.Level)}m{level}\u001b[0m" : level);
        if (e.Module is not null)
        {
            sb.Append(" [").Append(e.Module).Append(']');
        }

        sb.Append(' ').Append(e.Message);
        if (e.Data is not null)
        {
            sb.Append(' ').Append(JsonText.Compact(e.Data));
        }

        return sb.ToString();
    }

    private static string Color(LogLevel level) => level switch
    {
        LogLevel.Error => "31",
        LogLevel.Warn => "33",
        LogLevel.Info => "32",
        LogLevel.Debug => "36",
        _ => "90",
    };
}
