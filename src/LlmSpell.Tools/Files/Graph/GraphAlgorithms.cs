using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Files.Graph;

/// <summary>analyze, shortest_path (Dijkstra), neighbors and DOT export.</summary>
internal static class GraphAlgorithms
{
    private static Dictionary<string, List<(string To, double Weight)>> Adjacency(GraphModel g)
    {
        var adj = g.NodeIds.ToDictionary(id => id, _ => new List<(string, double)>(), StringComparer.Ordinal);
        foreach (var e in g.Edges)
        {
            adj[GraphModel.From(e)].Add((GraphModel.To(e), GraphModel.Weight(e)));
            if (!g.Directed)
            {
                adj[GraphModel.To(e)].Add((GraphModel.From(e), GraphModel.Weight(e)));
            }
        }

        return adj;
    }

    public static JsonObject Analyze(GraphModel g)
    {
        var ids = g.NodeIds;
        var n = ids.Count;
        var degree = ids.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        foreach (var e in g.Edges)
        {
            degree[GraphModel.From(e)]++;
            degree[GraphModel.To(e)]++;
        }

        var possible = g.Directed ? (double)n * (n - 1) : n * (n - 1) / 2.0;
        var properties = new JsonObject
        {
            ["is_empty"] = n == 0,
            ["is_connected"] = IsConnected(g),
            ["has_self_loops"] = g.Edges.Any(e => GraphModel.From(e) == GraphModel.To(e)),
        };
        if (g.Directed)
        {
            properties["is_acyclic"] = IsAcyclic(g);
        }

        return new JsonObject
        {
            ["node_count"] = n,
            ["edge_count"] = g.Edges.Count,
            ["graph_type"] = g.Directed ? "directed" : "undirected",
            ["density"] = possible > 0 ? g.Edges.Count / possible : 0.0,
            ["degree_statistics"] = new JsonObject
            {
                ["max_degree"] = n == 0 ? 0 : degree.Values.Max(),
                ["min_degree"] = n == 0 ? 0 : degree.Values.Min(),
                ["average_degree"] = n == 0 ? 0.0 : degree.Values.Average(),
            },
            ["properties"] = properties,
            ["node_ids"] = new JsonArray([.. ids.Select(i => (JsonNode?)JsonValue.Create(i))]),
        };
    }

    /// <summary>Connected ignoring direction (weak connectivity for directed graphs); an empty graph counts as connected.</summary>
    private static bool IsConnected(GraphModel g)
    {
        var ids = g.NodeIds;
        if (ids.Count == 0)
        {
            return true;
        }

        var undirected = ids.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var e in g.Edges)
        {
            undirected[GraphModel.From(e)].Add(GraphModel.To(e));
            undirected[GraphModel.To(e)].Add(GraphModel.From(e));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { ids[0] };
        var queue = new Queue<string>([ids[0]]);
        while (queue.TryDequeue(out var cur))
        {
            foreach (var next in undirected[cur].Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }

        return seen.Count == ids.Count;
    }

    /// <summary>Kahn's algorithm: acyclic when every node can be removed in topological order.</summary>
    private static bool IsAcyclic(GraphModel g)
    {
        var indegree = g.NodeIds.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        foreach (var e in g.Edges)
        {
            indegree[GraphModel.To(e)]++;
        }

        var adj = Adjacency(g);
        var queue = new Queue<string>(indegree.Where(p => p.Value == 0).Select(p => p.Key));
        var removed = 0;
        while (queue.TryDequeue(out var cur))
        {
            removed++;
            foreach (var (to, _) in adj[cur])
            {
                if (--indegree[to] == 0)
                {
                    queue.Enqueue(to);
                }
            }
        }

        return removed == indegree.Count;
    }

    public static JsonObject ShortestPath(GraphModel g, string from, string to)
    {
        var adj = Adjacency(g);
        if (g.Edges.Any(e => GraphModel.Weight(e) < 0))
        {
            throw Infrastructure.ToolFailureException.Failed("shortest_path needs non-negative edge weights");
        }

        var dist = new Dictionary<string, double>(StringComparer.Ordinal) { [from] = 0 };
        var prev = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new PriorityQueue<string, double>();
        queue.Enqueue(from, 0);
        while (queue.TryDequeue(out var cur, out var d))
        {
            if (d > dist[cur])
            {
                continue;
            }

            if (cur == to)
            {
                break;
            }

            foreach (var (next, w) in adj[cur])
            {
                var nd = d + w;
                if (!dist.TryGetValue(next, out var old) || nd < old)
                {
                    dist[next] = nd;
                    prev[next] = cur;
                    queue.Enqueue(next, nd);
                }
            }
        }

        var found = dist.ContainsKey(to);
        var path = new List<string>();
        if (found)
        {
            for (var at = to; ; at = prev[at])
            {
                path.Insert(0, at);
                if (at == from)
                {
                    break;
                }
            }
        }

        var distance = found ? dist[to] : (double?)null;
        return new JsonObject
        {
            ["from"] = from,
            ["to"] = to,
            ["found"] = found,
            ["path"] = new JsonArray([.. path.Select(p => (JsonNode?)JsonValue.Create(p))]),
            ["distance"] = distance is { } x && x == Math.Floor(x) ? JsonValue.Create((long)x) : distance is { } y ? JsonValue.Create(y) : null,
        };
    }

    public static JsonObject Neighbors(GraphModel g, string id)
    {
        var outgoing = g.Edges.Where(e => GraphModel.From(e) == id).Select(GraphModel.To).ToList();
        var incoming = g.Edges.Where(e => GraphModel.To(e) == id).Select(GraphModel.From).ToList();
        var neighbors = g.Directed ? outgoing : [.. outgoing, .. incoming];
        return new JsonObject
        {
            ["node_id"] = id,
            ["neighbors"] = new JsonArray([.. neighbors.Distinct(StringComparer.Ordinal).Select(p => (JsonNode?)JsonValue.Create(p))]),
            ["in_degree"] = g.Directed ? incoming.Count : incoming.Count + outgoing.Count,
            ["out_degree"] = g.Directed ? outgoing.Count : incoming.Count + outgoing.Count,
        };
    }

    public static string Dot(GraphModel g)
    {
        static string Q(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        var sb = new StringBuilder(g.Directed ? "digraph G {\n" : "graph G {\n");
        var arrow = g.Directed ? "->" : "--";
        foreach (var n in g.Nodes)
        {
            sb.Append("  ").Append(Q(n!["id"]!.GetValue<string>()));
            if (n["label"] is { } label)
            {
                sb.Append(" [label=").Append(Q(label.ToString())).Append(']');
            }

            sb.Append(";\n");
        }

        foreach (var e in g.Edges)
        {
            sb.Append("  ").Append(Q(GraphModel.From(e))).Append(' ').Append(arrow).Append(' ').Append(Q(GraphModel.To(e)));
            var attrs = new List<string>();
            if (e!["label"] is { } label)
            {
                attrs.Add("label=" + Q(label.ToString()));
            }

            if (e["weight"] is not null)
            {
                attrs.Add("weight=" + GraphModel.Weight(e).ToString(CultureInfo.InvariantCulture));
            }

            if (attrs.Count > 0)
            {
                sb.Append(" [").Append(string.Join(", ", attrs)).Append(']');
            }

            sb.Append(";\n");
        }

        return sb.Append("}\n").ToString();
    }
}
