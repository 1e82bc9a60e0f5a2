using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Files.Graph;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Files;

/// <summary>graph_builder (tools.md §5.16).</summary>
internal sealed class GraphBuilderTool(ToolServices services) : ITool
{
    private static readonly string[] Operations = ["create_graph", "add_node", "add_edge", "remove_node", "remove_edge", "analyze", "shortest_path", "neighbors", "export_json", "export_dot", "import_json"];

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "graph_builder",
        Description = "Build, edit, analyze and export graphs (nodes and weighted edges)",
        Category = "data",
        Parameters =
        [
            new("operation", "string", "Graph operation", Default: "create_graph", Enum: Operations),
            new("graph", "any", "Graph value or its JSON text (required except create_graph)", Aliases: ["input"]),
            new("graph_type", "string", "directed or undirected (create_graph)", Default: "directed", Enum: ["directed", "undirected"]),
            new("node_id", "string", "Node id"),
            new("label", "any", "Node or edge label"),
            new("data", "any", "Node or edge data"),
            new("from", "string", "Edge source / path start"),
            new("to", "string", "Edge target / path end"),
            new("weight", "number", "Edge weight (default 1)"),
        ],
    };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var op = request.Operation ?? "create_graph";
        if (!Operations.Contains(op))
        {
            throw ToolFailureException.InvalidParameters($"parameter 'operation': expected one of {string.Join(", ", Operations)}, got '{op}'");
        }

        var now = services.Time.GetUtcNow();
        if (op == "create_graph")
        {
            var type = request.String("graph_type")?.Trim().ToLowerInvariant() ?? "directed";
            if (type is not ("directed" or "undirected"))
            {
                throw ToolFailureException.InvalidParameters($"parameter 'graph_type': expected one of directed, undirected, got '{type}'");
            }

            return Done(op, $"Created {type} graph", new JsonObject { ["graph"] = GraphModel.Create(type, now).Value });
        }

        var input = request["graph"] ?? request["input"] ?? throw ToolFailureException.InvalidParameters("missing required parameter 'graph'");
        var g = GraphModel.From(input, now);
        switch (op)
        {
            case "add_node":
                var id = Require(request, "node_id");
                g.AddNode(id, request["label"], request["data"], now);
                return Done(op, $"Added node '{id}'", new JsonObject { ["graph"] = g.Value });
            case "add_edge":
                var (from, to) = (Require(request, "from"), Require(request, "to"));
                g.AddEdge(from, to, request["label"], request["weight"], request["data"], now);
                return Done(op, $"Added edge '{from}' -> '{to}'", new JsonObject { ["graph"] = g.Value });
            case "remove_node":
                g.RemoveNode(Require(request, "node_id"), now);
                return Done(op, "Removed node", new JsonObject { ["graph"] = g.Value });
            case "remove_edge":
                g.RemoveEdge(Require(request, "from"), Require(request, "to"), now);
                return Done(op, "Removed edge", new JsonObject { ["graph"] = g.Value });
            case "import_json":
                return Done(op, $"Imported graph with {g.Nodes.Count} nodes and {g.Edges.Count} edges", new JsonObject { ["graph"] = g.Value });
            case "analyze":
                return Done(op, $"Analyzed graph with {g.Nodes.Count} nodes and {g.Edges.Count} edges", GraphAlgorithms.Analyze(g));
            case "shortest_path":
                var (a, b) = (Require(request, "from"), Require(request, "to"));
                foreach (var n in new[] { a, b }.Where(n => !g.HasNode(n)))
                {
                    throw ToolFailureException.Failed($"node '{n}' not found", "not_found");
                }

                var path = GraphAlgorithms.ShortestPath(g, a, b);
                return Done(op, path["found"]!.GetValue<bool>() ? $"Found path from '{a}' to '{b}'" : $"No path from '{a}' to '{b}'", path);
            case "neighbors":
                var node = Require(request, "node_id");
                return g.HasNode(node) ? Done(op, $"Neighbors of '{node}'", GraphAlgorithms.Neighbors(g, node)) : throw ToolFailureException.Failed($"node '{node}' not found", "not_found");
            case "export_json":
                return Done(op, "Exported graph as JSON", new JsonObject { ["json"] = Jq.JqValues.ToJson(g.Value), ["node_count"] = g.Nodes.Count, ["edge_count"] = g.Edges.Count });
            default:
                return Done(op, "Exported graph as DOT", new JsonObject { ["dot"] = GraphAlgorithms.Dot(g) });
        }
    }

    private static string Require(ToolRequest request, string name) =>
        GraphModel.Id(request[name]) ?? throw ToolFailureException.InvalidParameters($"missing required parameter '{name}'");

    private static Task<ComponentOutput> Done(string op, string message, JsonObject result) =>
        Task.FromResult(Envelope.Success(op, message, result));
}
