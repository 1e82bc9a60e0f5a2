using System.Text.Json.Nodes;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Web;

/// <summary>webpage_monitor (tools.md §5.34): fetches a page (or a part) and line-diffs it against earlier content.</summary>
internal sealed class WebpageMonitorTool(ToolServices services) : ITool
{
    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "webpage_monitor",
        Description = "Fetch a page (or the part matching a CSS selector) and report line changes against previous content.",
        Category = "web",
        SecurityLevel = "restricted",
        RequiresNetwork = true,
        Parameters =
        [
            new("input", "string", "Page URL.", Required: true, Aliases: ["url"]),
            new("previous_content", "string", "Content to compare with (current_content of an earlier call)."),
            new("selector", "string", "CSS selector: monitor only the matching part (no match raises)."),
            new("ignore_whitespace", "boolean", "Compare lines with whitespace collapsed.", Default: true),
            new("timeout", "integer", "Seconds.", Default: 30),
        ],
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var url = WebParams.Url(request);
        var selector = request.String("selector");
        var ignoreWhitespace = request.Flag("ignore_whitespace", true);
        var (response, document) = await HtmlPages.FetchAsync(services, url, WebParams.Seconds(request, "timeout", 30), cancellationToken);
        List<string> lines;
        if (selector is not null)
        {
            var matches = HtmlPages.Select(document, selector, "selector");
            if (matches.Length == 0)
            {
                throw ToolFailureException.Failed($"selector '{selector}' matched nothing on {response.FinalUrl}", "not_found");
            }

            lines = [.. matches.SelectMany(HtmlPages.TextLines)];
        }
        else
        {
            lines = HtmlPages.TextLines(document.Body ?? document.DocumentElement);
        }

        var current = string.Join('\n', ignoreWhitespace ? lines.Select(HtmlPages.Normalize) : lines);
        var previous = request.String("previous_content");
        if (previous is null)
        {
            return Envelope.Success("monitor", $"Captured the content of {url}", new JsonObject
            {
                ["url"] = url,
                ["current_content"] = current,
                ["has_changes"] = false,
                ["message"] = "No previous content to compare with; pass current_content as previous_content next time",
            });
        }

        var changes = Diff(previous, current, ignoreWhitespace);
        var result = new JsonObject
        {
            ["url"] = url,
            ["current_content"] = current,
            ["previous_content"] = previous,
            ["has_changes"] = changes.Count > 0,
            ["changes"] = changes,
            ["change_count"] = changes.Count,
        };
        if (selector is not null)
        {
            result["selector_used"] = selector;
        }

        result["ignore_whitespace"] = ignoreWhitespace;
        var message = changes.Count == 0 ? $"No changes on {url}" : $"{changes.Count} changes on {url}";
        return Envelope.Success("monitor", message, result);
    }

    /// <summary>Line diff (DiffPlex side-by-side model: changed lines pair up as modifications).</summary>
    internal static JsonArray Diff(string previous, string current, bool ignoreWhitespace)
    {
        if (ignoreWhitespace)
        {
            previous = string.Join('\n', previous.Split('\n').Select(HtmlPages.Normalize).Where(l => l.Length > 0));
        }

        var model = SideBySideDiffBuilder.Diff(previous, current, ignoreWhiteSpace: ignoreWhitespace, ignoreCase: false);
        var changes = new JsonArray();
        var count = Math.Max(model.OldText.Lines.Count, model.NewText.Lines.Count);
        for (var i = 0; i < count; i++)
        {
            var oldLine = i < model.OldText.Lines.Count ? model.OldText.Lines[i] : null;
            var newLine = i < model.NewText.Lines.Count ? model.NewText.Lines[i] : null;
            if (newLine?.Type == ChangeType.Modified || oldLine?.Type == ChangeType.Modified)
            {
                changes.Add((JsonNode)new JsonObject { ["type"] = "modification", ["line_number"] = newLine?.Position ?? oldLine?.Position, ["old_line"] = oldLine?.Text, ["new_line"] = newLine?.Text });
                continue;
            }

            if (newLine?.Type == ChangeType.Inserted)
            {
                changes.Add((JsonNode)new JsonObject { ["type"] = "addition", ["line_number"] = newLine.Position, ["content"] = newLine.Text });
            }

            if (oldLine?.Type == ChangeType.Deleted)
            {
                changes.Add((JsonNode)new JsonObject { ["type"] = "deletion", ["line_number"] = oldLine.Position, ["content"] = oldLine.Text });
            }
        }

        return changes;
    }
}
