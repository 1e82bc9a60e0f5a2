using System.Text.Json.Nodes;
using LlmSpell.TestUtilities;
using LlmSpell.Tools.Files;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Tests.Files;

public sealed class GraphBuilderToolTests
{
    private readonly ToolServices _services = ToolTestServices.Create();

    private async Task<JsonObject> Result(JsonObject p) => FileToolHarness.Result(await FileToolHarness.Run(new GraphBuilderTool(_services), _services, p));

    private async Task<JsonNode> Build(string type, string[] nodes, (string From, string To, double? Weight)[] edges)
    {
        var g = (await Result(new() { ["operation"] = "create_graph", ["graph_type"] = type }))["graph"]!.DeepClone();
        foreach (var n in nodes)
        {
            g = (await Result(new() { ["operation"] = "add_node", ["graph"] = g, ["node_id"] = n, ["label"] = n.ToUpperInvariant() }))["graph"]!.DeepClone();
        }

        foreach (var (from, to, weight) in edges)
        {
            var p = new JsonObject { ["operation"] = "add_edge", ["graph"] = g, ["from"] = from, ["to"] = to };
            if (weight is { } w)
            {
                p["weight"] = w;
            }

            g = (await Result(p))["graph"]!.DeepClone();
        }

        return g;
    }

    [Fact]
    public async Task CreateGraph_HasMetadata()
    {
        var g = (await Result(new() { ["operation"] = "create_graph" }))["graph"]!;
        Assert.Equal("directed", g["graph_type"]!.GetValue<string>());
        Assert.Equal(0, g["metadata"]!["node_count"]!.GetValue<int>());
        Assert.NotNull(g["metadata"]!["created_at"]);
    }

    [Fact]
    public async Task ShortestPath_Dijkstra_UsesWeights()
    {
        var g = await Build("directed", ["a", "b", "c", "d"], [("a", "b", 1), ("b", "d", 5), ("a", "c", 2), ("c", "d", 1)]);
        var r = await Result(new() { ["operation"] = "shortest_path", ["graph"] = g.DeepClone(), ["from"] = "a", ["to"] = "d" });
        Assert.True(r["found"]!.GetValue<bool>());
        Assert.Equal("[\"a\",\"c\",\"d\"]", r["path"]!.ToJsonString());
        Assert.Equal(3, r["distance"]!.GetValue<long>());
        var none = await Result(new() { ["operation"] = "shortest_path", ["graph"] = g.DeepClone(), ["from"] = "d", ["to"] = "a" });
        Assert.False(none["found"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Analyze_Properties()
    {
        var cyclic = await Build("directed", ["a", "b"], [("a", "b", null), ("b", "a", null)]);
        var r = await Result(new() { ["operation"] = "analyze", ["graph"] = cyclic });
        Assert.False(r["properties"]!["is_acyclic"]!.GetValue<bool>());
        Assert.True(r["properties"]!["is_connected"]!.GetValue<bool>());
        Assert.Equal(1.0, r["density"]!.GetValue<double>());
        var undirected = await Build("undirected", ["a", "b", "c"], [("a", "a", null)]);
        var u = await Result(new() { ["operation"] = "analyze", ["graph"] = undirected });
        Assert.True(u["properties"]!["has_self_loops"]!.GetValue<bool>());
        Assert.False(u["properties"]!["is_connected"]!.GetValue<bool>());
        Assert.Null(u["properties"]!["is_acyclic"]);
        Assert.Equal(2, u["degree_statistics"]!["max_degree"]!.GetValue<int>());
    }

    [Fact]
    public async Task Neighbors_RemoveNode_ExportDotAndJson()
    {
        var g = await Build("directed", ["a", "b", "c"], [("a", "b", 2), ("c", "a", null)]);
        var n = await Result(new() { ["operation"] = "neighbors", ["graph"] = g.DeepClone(), ["node_id"] = "a" });
        Assert.Equal("[\"b\"]", n["neighbors"]!.ToJsonString());
        Assert.Equal(1, n["in_degree"]!.GetValue<int>());
        var dot = (await Result(new() { ["operation"] = "export_dot", ["graph"] = g.DeepClone() }))["dot"]!.GetValue<string>();
        Assert.Equal("digraph G {\n  \"a\" [label=\"A\"];\n  \"b\" [label=\"B\"];\n  \"c\" [label=\"C\"];\n  \"a\" -> \"b\" [weight=2];\n  \"c\" -> \"a\";\n}\n", dot);
        var removed = (await Result(new() { ["operation"] = "remove_node", ["graph"] = g.DeepClone(), ["node_id"] = "a" }))["graph"]!;
        Assert.Empty((JsonArray)removed["edges"]!);
        var json = await Result(new() { ["operation"] = "export_json", ["input"] = g.DeepClone() });
        var imported = await Result(new() { ["operation"] = "import_json", ["graph"] = json["json"]!.GetValue<string>() });
        Assert.Equal(3, imported["graph"]!["metadata"]!["node_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task BadInput_Raises()
    {
        var tool = new GraphBuilderTool(_services);
        var g = await Build("directed", ["a"], []);
        Assert.Equal("node 'a' already exists", (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "add_node", ["graph"] = g.DeepClone(), ["node_id"] = "a" })).Message);
        Assert.Equal("edge refers to unknown node 'zz'", (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "add_edge", ["graph"] = g.DeepClone(), ["from"] = "a", ["to"] = "zz" })).Message);
        Assert.Equal("missing required parameter 'graph'", (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "analyze" })).Message);
        Assert.Equal(ToolFailureKind.InvalidParameters, (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "explode", ["graph"] = g.DeepClone() })).Kind);
        Assert.StartsWith("invalid graph JSON", (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "analyze", ["graph"] = "{nope" })).Message);
        Assert.Equal("missing required parameter 'node_id'", (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "add_node", ["graph"] = g.DeepClone() })).Message);
    }
}
