using System.Globalization;
using System.Text.Json.Nodes;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Values;

namespace LlmSpell.Tools.Files.Graph;

/// <summary>A graph value (tools.md §5.16) held as its JSON object, with checked edits and limits.</summary>
internal sealed class GraphModel
{
    public const int MaxNodes = 10_000;
    public const int MaxEdges = 50_000;
    public const int MaxJsonBytes = 10_000_000;

    private GraphModel(JsonObject value) => Value = value;

    public JsonObject Value { get; }

    public bool Directed => Value["graph_type"]?.GetValue<string>() != "undirected";

    public JsonArray Nodes => (JsonArray)Value["nodes"]!;

    public JsonArray Edges => (JsonArray)Value["edges"]!;

    public static GraphModel Create(string type, DateTimeOffset now) => new(new JsonObject
    {
        ["graph_type"] = type,
        ["nodes"] = new JsonArray(),
        ["edges"] = new JsonArray(),
        ["metadata"] = new JsonObject { ["created_at"] = Iso(now), ["last_modified"] = Iso(now), ["node_count"] = 0, ["edge_count"] = 0 },
    });

    /// <summary>Reads a graph value or its JSON text; checks structure, duplicates, dangling edges and limits.</summary>
    public static GraphModel From(JsonNode? input, DateTimeOffset now)
    {
        if (JsonValues.AsString(input) is { } text)
        {
            if (System.Text.Encoding.UTF8.GetByteCount(text) > MaxJsonBytes)
            {
                throw ToolFailureException.Failed($"graph JSON exceeds the limit of {MaxJsonBytes} bytes");
            }

            try
            {
                input = JsonText.Parse(text);
            }
            catch (JsonParseException ex)
            {
                throw ToolFailureException.Failed($"invalid graph JSON: {ex.Message}");
            }
        }

        if (input is not JsonObject obj)
        {
            throw ToolFailureException.InvalidParameters("parameter 'graph': expected a graph object or its JSON text");
        }

        var type = obj["graph_type"]?.GetValue<string>() ?? "directed";
        if (type is not ("directed" or "undirected"))
        {
            throw ToolFailureException.InvalidParameters($"parameter 'graph': graph_type must be directed or undirected, got '{type}'");
        }

        var graph = Create(type, now);
        if (obj["metadata"]?["created_at"] is { } created)
        {
            graph.Value["metadata"]!["created_at"] = created.DeepClone();
        }

        foreach (var n in obj["nodes"] as JsonArray ?? [])
        {
            graph.AddNode(Id(n?["id"]) ?? throw ToolFailureException.InvalidParameters("parameter 'graph': every node needs an id"), n!["label"], n["data"], now);
        }

        foreach (var e in obj["edges"] as JsonArray ?? [])
        {
            graph.AddEdge(Id(e?["from"]) ?? throw ToolFailureException.InvalidParameters("parameter 'graph': every edge needs from"), Id(e!["to"]) ?? throw ToolFailureException.InvalidParameters("parameter 'graph': every edge needs to"), e["label"], e["weight"], e["data"], now);
        }

        return graph;
    }

    public static string? Id(JsonNode? n) => n is null ? null : JsonValues.AsString(n) ?? (JsonValues.IsNumber(n) ? JsonText.Compact(n) : null);

    public bool HasNode(string id) => Nodes.Any(n => n!["id"]!.GetValue<string>() == id);

    public void AddNode(string id, JsonNode? label, JsonNode? data, DateTimeOffset now)
    {
        if (HasNode(id))
        {
            throw ToolFailureException.Failed($"node '{id}' already exists");
        }

        if (Nodes.Count >= MaxNodes)
        {
            throw ToolFailureException.Failed($"graph limit reached: at most {MaxNodes} nodes");
        }

        var node = new JsonObject { ["id"] = id };
        if (label is not null)
        {
            node["label"] = label.DeepClone();
        }

        if (data is not null)
        {
            node["data"] = data.DeepClone();
        }

        Nodes.Add((JsonNode)node);
        Touch(now);
    }

    public void AddEdge(string from, string to, JsonNode? label, JsonNode? weight, JsonNode? data, DateTimeOffset now)
    {
        foreach (var id in new[] { from, to })
        {
            if (!HasNode(id))
            {
                throw ToolFailureException.Failed($"edge refers to unknown node '{id}'");
            }
        }

        if (Edges.Count >= MaxEdges)
        {
            throw ToolFailureException.Failed($"graph limit reached: at most {MaxEdges} edges");
        }

        var edge = new JsonObject { ["from"] = from, ["to"] = to };
        if (label is not null)
        {
            edge["label"] = label.DeepClone();
        }

        if (weight is not null)
        {
            edge["weight"] = JsonValues.IsNumber(weight) ? weight.DeepClone() : throw ToolFailureException.InvalidParameters("parameter 'weight': expected a number");
        }

        if (data is not null)
        {
            edge["data"] = data.DeepClone();
        }

        Edges.Add((JsonNode)edge);
        Touch(now);
    }

    public void RemoveNode(string id, DateTimeOffset now)
    {
        var node = Nodes.FirstOrDefault(n => n!["id"]!.GetValue<string>() == id) ?? throw ToolFailureException.Failed($"node '{id}' not found", "not_found");
        Nodes.Remove(node);
        foreach (var e in Edges.Where(e => From(e) == id || To(e) == id).ToList())
        {
            Edges.Remove(e);
        }

        Touch(now);
    }

    public void RemoveEdge(string from, string to, DateTimeOffset now)
    {
        var edge = Edges.FirstOrDefault(e => (From(e) == from && To(e) == to) || (!Directed && From(e) == to && To(e) == from))
            ?? throw ToolFailureException.Failed($"edge '{from}' -> '{to}' not found", "not_found");
        Edges.Remove(edge);
        Touch(now);
    }

    public static string From(JsonNode? e) => e!["from"]!.GetValue<string>();

    public static string To(JsonNode? e) => e!["to"]!.GetValue<string>();

    public static double Weight(JsonNode? e) => JsonValues.AsDouble(e!["weight"]) ?? 1.0;

    public List<string> NodeIds => [.. Nodes.Select(n => n!["id"]!.GetValue<string>())];

    private void Touch(DateTimeOffset now)
    {
        var meta = (JsonObject)Value["metadata"]!;
        meta["last_modified"] = Iso(now);
        meta["node_count"] = Nodes.Count;
        meta["edge_count"] = Edges.Count;
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
