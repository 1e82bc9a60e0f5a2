using System.Text.Json.Nodes;

namespace LlmSpell.Cli.Hosting.Telemetry;

/// <summary>The call tree of the report: spans merged by path (kind + name at each level).</summary>
internal sealed class ReportNode(string kind, string name)
{
    public string Kind { get; } = kind;

    public string Name { get; } = name;

    public int Calls { get; private set; }

    public double TotalMs { get; private set; }

    public long Tokens { get; private set; }

    public double CostUsd { get; private set; }

    public List<ReportNode> Children { get; } = [];

    /// <summary>Tokens of this node and everything below it (tokens are counted at model calls).</summary>
    public long SubtreeTokens => Tokens + Children.Sum(c => c.SubtreeTokens);

    /// <summary>Cost of this node and everything below it (cost is recorded on agent and embedding spans).</summary>
    public double SubtreeCostUsd => CostUsd + Children.Sum(c => c.SubtreeCostUsd);

    public static ReportNode Build(string script, double durationMs, IReadOnlyList<SpanRecord> spans)
    {
        var root = new ReportNode("run", script) { Calls = 1, TotalMs = durationMs };
        var byParent = spans.Where(s => s.ParentId is not null).ToLookup(s => s.ParentId!);
        var runSpan = spans.FirstOrDefault(s => s.Kind == "run");
        var known = spans.Select(s => s.SpanId).ToHashSet();
        // Top level: children of the run span, or (no run span) spans whose parent is not in the run.
        var top = runSpan is not null ? byParent[runSpan.SpanId] : spans.Where(s => s.ParentId is null || !known.Contains(s.ParentId));
        foreach (var span in top)
        {
            root.Add(span, byParent, 0);
        }

        root.Sort();
        return root;
    }

    private void Add(SpanRecord span, ILookup<string, SpanRecord> byParent, int depth)
    {
        var child = Children.FirstOrDefault(c => c.Kind == span.Kind && c.Name == span.Name);
        if (child is null)
        {
            child = new ReportNode(span.Kind, span.Name);
            Children.Add(child);
        }

        child.Calls++;
        child.TotalMs += span.DurationMs;
        child.Tokens += span.Kind is "model" or "embedding" ? span.InputTokens + span.OutputTokens : 0;
        child.CostUsd += span.CostUsd;
        if (depth < 16)
        {
            foreach (var grandchild in byParent[span.SpanId])
            {
                child.Add(grandchild, byParent, depth + 1);
            }
        }
    }

    private void Sort()
    {
        Children.Sort((a, b) => b.TotalMs.CompareTo(a.TotalMs));
        foreach (var c in Children)
        {
            c.Sort();
        }
    }

    public JsonObject ToJson()
    {
        var node = new JsonObject
        {
            ["kind"] = Kind,
            ["name"] = Name,
            ["calls"] = Calls,
            ["total_ms"] = Math.Round(TotalMs, 3),
            ["tokens"] = SubtreeTokens,
            ["cost_usd"] = SubtreeCostUsd,
        };
        if (Children.Count > 0)
        {
            node["children"] = new JsonArray([.. Children.Select(c => (JsonNode)c.ToJson())]);
        }

        return node;
    }
}
