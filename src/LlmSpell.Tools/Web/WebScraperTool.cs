using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Web;

/// <summary>web_scraper (tools.md §5.31): static HTML extraction with CSS selectors (AngleSharp).</summary>
internal sealed class WebScraperTool(ToolServices services) : ITool
{
    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "web_scraper",
        Description = "Fetch a web page (static HTML) and extract text by CSS selector(s), links, images and meta tags.",
        Category = "web",
        SecurityLevel = "restricted",
        RequiresNetwork = true,
        Parameters =
        [
            new("input", "string", "Page URL.", Required: true, Aliases: ["url"]),
            new("selector", "string", "CSS selector; result.content.selected_content lists the matches' text."),
            new("selectors", "object", "Map name -> CSS selector."),
            new("extract_links", "boolean", "Return absolute link URLs.", Default: false),
            new("extract_images", "boolean", "Return absolute image URLs.", Default: false),
            new("extract_meta", "boolean", "Return title, description and meta tags.", Default: false),
            new("wait_for_js", "boolean", "JavaScript rendering (unsupported).", Default: false),
            new("timeout", "integer", "Seconds.", Default: 30),
        ],
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var url = WebParams.Url(request);
        if (request.Flag("wait_for_js"))
        {
            throw ToolFailureException.Failed("wait_for_js is unsupported: web_scraper reads static HTML only", "unsupported");
        }

        var selectors = request["selectors"] switch
        {
            null or JsonArray { Count: 0 } => null,
            JsonObject o => o,
            var other => throw ToolFailureException.InvalidParameters($"parameter 'selectors': expected object, got {Values.JsonValues.ScriptTypeName(other)}"),
        };
        var (response, document) = await HtmlPages.FetchAsync(services, url, WebParams.Seconds(request, "timeout", 30), cancellationToken);
        var baseUri = HtmlPages.BaseUri(document, response.FinalUrl);
        var result = new JsonObject
        {
            ["url"] = response.FinalUrl,
            ["status_code"] = response.StatusCode,
            ["content"] = Content(document, request.String("selector"), selectors),
        };
        if (request.Flag("extract_links"))
        {
            result["links"] = Urls(document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")), baseUri);
        }

        if (request.Flag("extract_images"))
        {
            result["images"] = Urls(document.QuerySelectorAll("img[src]").Select(i => i.GetAttribute("src")), baseUri);
        }

        if (request.Flag("extract_meta"))
        {
            result["metadata"] = Meta(document);
        }

        return Envelope.Success("scrape", $"Scraped {response.FinalUrl}", result);
    }

    private static JsonObject Content(IHtmlDocument document, string? selector, JsonObject? selectors)
    {
        var content = new JsonObject();
        if (selector is not null)
        {
            content["selected_content"] = new JsonArray([.. HtmlPages.Select(document, selector, "selector").Select(e => (JsonNode)HtmlPages.ElementText(e))]);
        }

        if (selectors is not null)
        {
            foreach (var (name, value) in selectors)
            {
                var matches = HtmlPages.Select(document, WebParams.Text(value), "selectors." + name).Select(HtmlPages.ElementText).ToList();
                if (matches.Count == 1)
                {
                    content[name] = matches[0];
                }
                else if (matches.Count > 1)
                {
                    content[name] = new JsonArray([.. matches.Select(m => (JsonNode)m)]);
                }
            }
        }

        if (selector is null && selectors is null)
        {
            content["title"] = document.Title ?? "";
            content["text"] = HtmlPages.BodyText(document);
        }

        return content;
    }

    private static JsonArray Urls(IEnumerable<string?> values, Uri baseUri) =>
        new([.. values.Select(v => HtmlPages.Absolute(baseUri, v)).OfType<string>().Distinct(StringComparer.Ordinal).Select(u => (JsonNode)u)]);

    private static JsonObject Meta(IHtmlDocument document)
    {
        var tags = new JsonObject();
        foreach (var meta in document.QuerySelectorAll("meta[content]"))
        {
            var key = meta.GetAttribute("name") ?? meta.GetAttribute("property") ?? meta.GetAttribute("http-equiv");
            if (!string.IsNullOrEmpty(key))
            {
                tags[key] = meta.GetAttribute("content");
            }
        }

        var metadata = new JsonObject();
        if (!string.IsNullOrEmpty(document.Title))
        {
            metadata["title"] = document.Title;
        }

        if (tags["description"] is { } description)
        {
            metadata["description"] = description.DeepClone();
        }

        metadata["meta_tags"] = tags;
        return metadata;
    }
}
