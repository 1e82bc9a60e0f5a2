using System.Globalization;
using System.Text;
using DiffPlex;

namespace LlmSpell.Tools.Utility.Diff;

/// <summary>Line diffs (DiffPlex computes the edit script) rendered in the four formats of tools.md §5.5.</summary>
internal static class TextDiff
{
    public readonly record struct Line(char Kind, string Text, int OldNo, int NewNo);

    public static string[] SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    /// <summary>The full edit script: every line of both inputs marked ' ', '-' or '+'.</summary>
    public static List<Line> Script(string[] oldLines, string[] newLines)
    {
        var result = Differ.Instance.CreateCustomDiffs(string.Join('\n', oldLines), string.Join('\n', newLines), false, false, s => s.Length == 0 ? [] : s.Split('\n'));
        var script = new List<Line>();
        int a = 0, b = 0;
        foreach (var block in result.DiffBlocks)
        {
            while (a < block.DeleteStartA && b < block.InsertStartB)
            {
                script.Add(new(' ', oldLines[a], ++a, ++b));
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                script.Add(new('-', oldLines[a], ++a, b));
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                script.Add(new('+', newLines[b], a, ++b));
            }
        }

        while (a < oldLines.Length && b < newLines.Length)
        {
            script.Add(new(' ', oldLines[a], ++a, ++b));
        }

        return script;
    }

    public static string Render(List<Line> script, string format, int context) => format switch
    {
        "inline" => string.Concat(script.Select(l => $"{(l.Kind == ' ' ? ' ' : l.Kind)} {l.Text}\n")),
        "simple" => string.Concat(script.Where(l => l.Kind != ' ').Select(l => $"{l.Kind} {l.Text}\n")),
        "context" => Context(script, context),
        _ => Unified(script, context),
    };

    private static string Unified(List<Line> script, int context)
    {
        var sb = new StringBuilder("--- old\n+++ new\n");
        foreach (var (start, end) in Hunks(script, context))
        {
            var hunk = script.GetRange(start, end - start);
            var (oldStart, oldCount) = Range(hunk, l => l.Kind != '+', l => l.OldNo, script, start, true);
            var (newStart, newCount) = Range(hunk, l => l.Kind != '-', l => l.NewNo, script, start, false);
            sb.Append(CultureInfo.InvariantCulture, $"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@\n");
            foreach (var l in hunk)
            {
                sb.Append(l.Kind).Append(l.Text).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Context(List<Line> script, int context)
    {
        var sb = new StringBuilder("*** old\n--- new\n");
        foreach (var (start, end) in Hunks(script, context))
        {
            var hunk = script.GetRange(start, end - start);
            var (oldStart, oldCount) = Range(hunk, l => l.Kind != '+', l => l.OldNo, script, start, true);
            var (newStart, newCount) = Range(hunk, l => l.Kind != '-', l => l.NewNo, script, start, false);
            sb.Append("***************\n");
            sb.Append(CultureInfo.InvariantCulture, $"*** {oldStart},{oldStart + Math.Max(oldCount, 1) - 1} ****\n");
            foreach (var l in hunk.Where(l => l.Kind != '+'))
            {
                sb.Append(l.Kind == '-' ? "- " : "  ").Append(l.Text).Append('\n');
            }

            sb.Append(CultureInfo.InvariantCulture, $"--- {newStart},{newStart + Math.Max(newCount, 1) - 1} ----\n");
            foreach (var l in hunk.Where(l => l.Kind != '-'))
            {
                sb.Append(l.Kind == '+' ? "+ " : "  ").Append(l.Text).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static (int Start, int Count) Range(List<Line> hunk, Func<Line, bool> side, Func<Line, int> number, List<Line> script, int start, bool old)
    {
        var lines = hunk.Where(side).ToList();
        if (lines.Count > 0)
        {
            return (number(lines[0]), lines.Count);
        }

        // An empty side starts after the line before the hunk (unified-diff convention).
        return (old ? hunk[0].OldNo : hunk[0].NewNo, 0);
    }

    /// <summary>Groups changes with <paramref name="context"/> lines around them, merging overlapping groups.</summary>
    private static List<(int Start, int End)> Hunks(List<Line> script, int context)
    {
        var hunks = new List<(int Start, int End)>();
        for (var i = 0; i < script.Count; i++)
        {
            if (script[i].Kind == ' ')
            {
                continue;
            }

            var start = Math.Max(0, i - context);
            var j = i;
            while (j < script.Count && script[j].Kind != ' ')
            {
                j++;
            }

            var end = Math.Min(script.Count, j + context);
            if (hunks.Count > 0 && start <= hunks[^1].End)
            {
                hunks[^1] = (hunks[^1].Start, end);
            }
            else
            {
                hunks.Add((start, end));
            }

            i = j - 1;
        }

        return hunks;
    }
}
