using System.Globalization;
using LlmSpell.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LlmSpell.Cli.Hosting.Telemetry;

/// <summary>
/// Renders the run report as a Spectre.Console table and tree on standard error (standard output
/// stays the script's, so <c>--output json</c> remains parseable). Colours only on a terminal.
/// </summary>
internal static class RunReportPrinter
{
    public static void Print(RunReport report, RunOutput output)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 120;
        console.Write(new Rule($"Run report: {Markup.Escape(report.Script)}") { Justification = Justify.Left });
        console.WriteLine(
            $"wall {Ms(report.DurationMs)} · exit {report.ExitCode} · tokens {report.InputTokens:N0} in / {report.OutputTokens:N0} out · cost ${report.CostUsd:0.000000}");
        if (report.Operations.Count == 0)
        {
            console.WriteLine("no agent, model, tool, workflow, RAG or state calls were made");
        }
        else
        {
            console.Write(Table(report));
            console.Write(Tree(report.Tree));
        }

        foreach (var line in writer.ToString().TrimEnd().Split('\n'))
        {
            output.WriteStderrLine(line.TrimEnd('\r'));
        }
    }

    private static Table Table(RunReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("kind").AddColumn("name")
            .AddColumn(new TableColumn("calls").RightAligned()).AddColumn(new TableColumn("errors").RightAligned())
            .AddColumn(new TableColumn("total").RightAligned()).AddColumn(new TableColumn("p50").RightAligned())
            .AddColumn(new TableColumn("p95").RightAligned()).AddColumn(new TableColumn("tokens in").RightAligned())
            .AddColumn(new TableColumn("tokens out").RightAligned()).AddColumn(new TableColumn("cost USD").RightAligned());
        foreach (var o in report.Operations)
        {
            table.AddRow(
                o.Kind, Markup.Escape(o.Name), o.Calls.ToString(CultureInfo.InvariantCulture), o.Errors.ToString(CultureInfo.InvariantCulture),
                Ms(o.TotalMs), Ms(o.P50Ms), Ms(o.P95Ms),
                o.InputTokens.ToString("N0", CultureInfo.InvariantCulture), o.OutputTokens.ToString("N0", CultureInfo.InvariantCulture),
                o.CostUsd.ToString("0.000000", CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static Tree Tree(ReportNode root)
    {
        var tree = new Tree(Label(root));
        foreach (var child in root.Children)
        {
            Add(tree.AddNode(Label(child)), child);
        }

        return tree;
    }

    private static void Add(TreeNode node, ReportNode report)
    {
        foreach (var child in report.Children)
        {
            Add(node.AddNode(Label(child)), child);
        }
    }

    private static IRenderable Label(ReportNode n)
    {
        var text = $"{n.Kind} {n.Name}" + (n.Calls > 1 ? $" ×{n.Calls}" : "") + $" — {Ms(n.TotalMs)}";
        if (n.SubtreeTokens > 0)
        {
            text += $", {n.SubtreeTokens:N0} tokens";
        }

        if (n.SubtreeCostUsd > 0)
        {
            text += $", ${n.SubtreeCostUsd:0.000000}";
        }

        return new Text(text);
    }

    private static string Ms(double ms) =>
        ms >= 1000 ? (ms / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s" : ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
