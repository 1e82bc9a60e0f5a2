using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Pipeline;

/// <summary>
/// The tools of a run: built-ins (minus those disabled in config) and Lua-defined tools. Resolves
/// names and aliases (tools.md §1.1) and remembers disabled tools so invoking one reports why.
/// </summary>
/// <remarks>Thread-safe: Lua tools may be registered while workers invoke tools.</remarks>
public sealed class ToolRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ITool> _tools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    private readonly HashSet<string> _builtIn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _disabled = new(StringComparer.Ordinal);

    /// <summary>Creates the registry with the given built-ins; <paramref name="isEnabled"/> filters by canonical name.</summary>
    internal ToolRegistry(IEnumerable<ITool> builtIns, Func<string, bool> isEnabled)
    {
        foreach (var tool in builtIns)
        {
            var d = tool.Descriptor;
            if (!isEnabled(d.Name))
            {
                foreach (var n in NamesOf(d))
                {
                    _disabled[n] = d.Name;
                }

                continue;
            }

            Add(tool);
            _builtIn.Add(d.Name);
        }
    }

    /// <summary>Number of registered tools.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _tools.Count;
            }
        }
    }

    /// <summary>The tool for a name or alias, or null.</summary>
    internal ITool? Find(string name)
    {
        var key = ToolNames.Normalize(name);
        lock (_gate)
        {
            if (_tools.TryGetValue(key, out var t))
            {
                return t;
            }

            return _aliases.TryGetValue(key, out var canonical) ? _tools[canonical] : null;
        }
    }

    /// <summary>True when the name is a built-in tool disabled by configuration.</summary>
    public bool IsDisabled(string name)
    {
        lock (_gate)
        {
            return _disabled.ContainsKey(ToolNames.Normalize(name));
        }
    }

    /// <summary>True when the canonical name belongs to a built-in tool.</summary>
    public bool IsBuiltIn(string canonicalName)
    {
        lock (_gate)
        {
            return _builtIn.Contains(canonicalName);
        }
    }

    /// <summary>All tools, sorted by canonical name.</summary>
    internal IReadOnlyList<ITool> All()
    {
        lock (_gate)
        {
            return [.. _tools.Values.OrderBy(t => t.Descriptor.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>Adds a Lua-defined tool; false when the name (or an alias of it) is taken.</summary>
    internal bool TryAdd(ITool tool)
    {
        lock (_gate)
        {
            if (NamesOf(tool.Descriptor).Any(n => _tools.ContainsKey(n) || _aliases.ContainsKey(n) || _disabled.ContainsKey(n)))
            {
                return false;
            }

            Add(tool);
            return true;
        }
    }

    /// <summary>Removes a Lua-defined tool; false when none has that name.</summary>
    internal bool Remove(string name)
    {
        lock (_gate)
        {
            if (Find(name) is not { } tool || _builtIn.Contains(tool.Descriptor.Name))
            {
                return false;
            }

            var key = ToolNames.Normalize(tool.Descriptor.Name);
            _tools.Remove(key);
            foreach (var alias in _aliases.Where(a => a.Value == key).Select(a => a.Key).ToList())
            {
                _aliases.Remove(alias);
            }

            return true;
        }
    }

    private void Add(ITool tool)
    {
        // Keys are normalised so Lua tools named "MyTool" resolve as "mytool" too.
        var d = tool.Descriptor;
        var key = ToolNames.Normalize(d.Name);
        _tools[key] = tool;
        foreach (var n in NamesOf(d).Where(n => n != key))
        {
            _aliases[n] = key;
        }
    }

    private static IEnumerable<string> NamesOf(ToolDescriptor d) =>
        new[] { d.Name }.Concat(d.Aliases).Select(ToolNames.Normalize).Distinct(StringComparer.Ordinal);
}
