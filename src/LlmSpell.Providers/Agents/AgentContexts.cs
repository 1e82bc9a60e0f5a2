using System.Text.Json.Nodes;

namespace LlmSpell.Agents;

/// <summary>Run-scoped context bags and shared memory (behaviours.md §2.9).</summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class AgentContexts
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (JsonObject Data, string? Parent, string Inheritance)> _bags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode?> _shared = new(StringComparer.Ordinal);

    public string Create(JsonObject? data, string? parent = null, string inheritance = "isolate")
    {
        var id = "ctx_" + Guid.NewGuid().ToString("N")[..12];
        lock (_gate)
        {
            var bag = data is null ? [] : (JsonObject)data.DeepClone();
            if (parent is not null && inheritance == "copy")
            {
                bag = (JsonObject)_bags[parent].Data.DeepClone();
            }

            _bags[id] = inheritance == "share" && parent is not null ? (_bags[parent].Data, parent, inheritance) : (bag, parent, inheritance);
        }

        return id;
    }

    public bool Exists(string id)
    {
        lock (_gate)
        {
            return _bags.ContainsKey(id);
        }
    }

    public void Set(string id, string key, JsonNode? value)
    {
        lock (_gate)
        {
            _bags[id].Data[key] = value?.DeepClone();
        }
    }

    public JsonNode? Get(string id, string key)
    {
        lock (_gate)
        {
            for (var cur = id; cur is not null && _bags.TryGetValue(cur, out var bag);)
            {
                if (bag.Data[key] is { } v)
                {
                    return v.DeepClone();
                }

                cur = bag.Inheritance == "inherit" ? bag.Parent : null;
            }

            return null;
        }
    }

    /// <summary>The bag with inherited parent values (for <c>inherit</c> children).</summary>
    public JsonObject Render(string id)
    {
        lock (_gate)
        {
            var chain = new List<JsonObject>();
            for (var cur = id; cur is not null && _bags.TryGetValue(cur, out var bag); cur = bag.Inheritance == "inherit" ? bag.Parent : null)
            {
                chain.Add(bag.Data);
            }

            var merged = new JsonObject();
            for (var i = chain.Count - 1; i >= 0; i--)
            {
                foreach (var (k, v) in chain[i])
                {
                    merged[k] = v?.DeepClone();
                }
            }

            return merged;
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            return _bags.Remove(id);
        }
    }

    public void SetShared(string scope, string key, JsonNode? value)
    {
        lock (_gate)
        {
            _shared[scope + "\n" + key] = value?.DeepClone();
        }
    }

    public JsonNode? GetShared(string scope, string key)
    {
        lock (_gate)
        {
            return _shared.GetValueOrDefault(scope + "\n" + key)?.DeepClone();
        }
    }
}
