using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Network;

namespace LlmSpell.Tools.Web;

/// <summary>Fetching and reading HTML pages (AngleSharp) for web_scraper and webpage_monitor.</summary>
internal static class HtmlPages
{
    private static readonly string[] NonContent = ["script", "style", "noscript", "template"];

    /// <summary>GETs a page through the gateway; non-2xx raises <c>http_error</c>.</summary>
    public static async Task<(NetResponse Response, IHtmlDocument Document)> FetchAsync(ToolServices services, string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var response = await NetworkServices.Gateway(services).SendOrRaiseAsync(new NetRequest
        {
            Url = url,
            Headers = [new("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")],
            Timeout = timeout,
        }, cancellationToken);
        if (!response.IsSuccess)
        {
            throw ToolFailureException.Failed($"{url} returned HTTP {response.StatusCode} {response.StatusText}", "http_error");
        }

        var document = await new HtmlParser().ParseDocumentAsync(response.Text, cancellationToken);
        return (response, document);
    }

    /// <summary>Runs a CSS selector; a malformed selector raises invalid parameters.</summary>
    public static IHtmlCollection<IElement> Select(IParentNode root, string selector, string parameter)
    {
        try
        {
            return root.QuerySelectorAll(selector);
        }
        catch (DomException)
        {
            throw ToolFailureException.InvalidParameters($"parameter '{parameter}': invalid CSS selector '{selector}'");
        }
    }

    /// <summary>Whitespace-normalised text of an element; inner HTML when it has no text.</summary>
    public static string ElementText(IElement element)
    {
        var text = Normalize(element.TextContent);
        return text.Length > 0 ? text : element.InnerHtml.Trim();
    }

    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The document's visible body text (scripts and styles removed), whitespace-normalised.</summary>
    public static string BodyText(IHtmlDocument document) => Normalize(string.Join('\n', TextLines(document.Body ?? document.DocumentElement)));

    /// <summary>
    /// Text of an element as lines: one line per block element (paragraph, list item, heading, cell…),
    /// inline markup joined into its block's line, scripts and styles dropped.
    /// </summary>
    public static List<string> TextLines(IElement root)
    {
        var clone = (IElement)root.Clone(deep: true);
        foreach (var junk in clone.QuerySelectorAll(string.Join(',', NonContent)).ToList())
        {
            junk.Remove();
        }

        var lines = new List<string>();
        var current = new System.Text.StringBuilder();
        INode? currentBlock = null;
        foreach (var node in clone.Descendants().OfType<IText>())
        {
            var block = node.Ancestors<IElement>().FirstOrDefault(e => BlockElements.Contains(e.LocalName)) ?? (INode)clone;
            if (!ReferenceEquals(block, currentBlock))
            {
                Flush(lines, current);
                currentBlock = block;
            }

            foreach (var (part, i) in node.Data.Split('\n').Select((p, i) => (p, i)))
            {
                if (i > 0 && block is IElement { LocalName: "pre" })
                {
                    Flush(lines, current);
                }

                current.Append(part).Append(' ');
            }
        }

        Flush(lines, current);
        return lines;
    }

    private static void Flush(List<string> lines, System.Text.StringBuilder text)
    {
        var line = Normalize(text.ToString());
        if (line.Length > 0)
        {
            lines.Add(line);
        }

        text.Clear();
    }

    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "dt", "dd", "pre", "blockquote",
        "section", "article", "header", "footer", "nav", "aside", "main", "figcaption", "caption", "option", "label", "title", "body",
    };

    /// <summary>An absolute http(s) URL for a link target, or null (fragments, javascript:, mailto:).</summary>
    public static string? Absolute(Uri baseUri, string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || href.StartsWith('#'))
        {
            return null;
        }

        return Uri.TryCreate(baseUri, href.Trim(), out var abs) && abs.Scheme is "http" or "https" ? abs.AbsoluteUri : null;
    }

    public static Uri BaseUri(IHtmlDocument document, string finalUrl)
    {
        var pageUri = new Uri(finalUrl);
        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href");
        return baseHref is not null && Uri.TryCreate(pageUri, baseHref, out var b) ? b : pageUri;
    }
}
