using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Network;

namespace LlmSpell.Tools.Web;

/// <summary>sitemap_crawler (tools.md §5.35): XML sitemaps and sitemap index files (depth ≤ 3).</summary>
internal sealed class SitemapCrawlerTool(ToolServices services) : ITool
{
    private const int MaxDepth = 3;

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "sitemap_crawler",
        Description = "Read an XML sitemap (following sitemap index files up to depth 3) and list its URLs with lastmod, changefreq and priority.",
        Category = "web",
        SecurityLevel = "safe",
        RequiresNetwork = true,
        Parameters =
        [
            new("input", "string", "Sitemap URL.", Required: true, Aliases: ["url"]),
            new("follow_sitemaps", "boolean", "Recurse into sitemap index files (depth <= 3).", Default: true),
            new("max_urls", "integer", "Maximum URLs returned.", Default: 1000),
            new("timeout", "integer", "Seconds per request.", Default: 30),
        ],
        DefaultTimeout = TimeSpan.FromSeconds(120),
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var url = WebParams.Url(request);
        var follow = request.Flag("follow_sitemaps", true);
        var maxUrls = request.Integer("max_urls") ?? 1000;
        if (maxUrls < 1)
        {
            throw ToolFailureException.InvalidParameters("parameter 'max_urls' must be at least 1");
        }

        var crawl = new Crawl(services, WebParams.Seconds(request, "timeout", 30), follow, (int)Math.Min(maxUrls, int.MaxValue));
        var top = await crawl.FetchAsync(url, raise: true, cancellationToken);
        await crawl.ProcessAsync(top, 1, cancellationToken);
        if (crawl.Processed == 0 || crawl.Discovered == 0)
        {
            return Envelope.Failure("crawl", "No sitemaps could be processed or no URLs found", "execution_error");
        }

        var result = new JsonObject
        {
            ["sitemap_url"] = url,
            ["urls_found"] = crawl.Urls.Count,
            ["max_urls"] = maxUrls,
            ["follow_sitemaps"] = follow,
            ["urls"] = crawl.Urls,
            ["stats"] = new JsonObject
            {
                ["sitemaps_processed"] = crawl.Processed,
                ["index_files_found"] = crawl.IndexFiles,
                ["total_urls_discovered"] = crawl.Discovered,
                ["urls_with_metadata"] = crawl.WithMetadata,
            },
        };
        return Envelope.Success("crawl", $"Found {crawl.Urls.Count} URLs in {crawl.Processed} sitemaps", result);
    }

    private sealed class Crawl(ToolServices services, TimeSpan timeout, bool follow, int maxUrls)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public JsonArray Urls { get; } = [];

        public int Processed { get; private set; }

        public int IndexFiles { get; private set; }

        public int Discovered { get; private set; }

        public int WithMetadata { get; private set; }

        /// <summary>Fetches and parses one sitemap; null when it could not be read (child sitemaps only).</summary>
        public async Task<XDocument?> FetchAsync(string url, bool raise, CancellationToken cancellationToken)
        {
            if (!_seen.Add(url))
            {
                return null;
            }

            NetResponse response;
            try
            {
                response = await NetworkServices.Gateway(services).SendOrRaiseAsync(new NetRequest { Url = url, Timeout = timeout }, cancellationToken);
            }
            catch (ToolFailureException) when (!raise)
            {
                return null;
            }

            if (!response.IsSuccess)
            {
                return raise ? throw ToolFailureException.Failed($"sitemap {url} returned HTTP {response.StatusCode} {response.StatusText}", "http_error") : null;
            }

            return Parse(response.Body);
        }

        public async Task ProcessAsync(XDocument? document, int depth, CancellationToken cancellationToken)
        {
            if (document?.Root is not { } root)
            {
                return;
            }

            switch (root.Name.LocalName)
            {
                case "urlset":
                    Processed++;
                    foreach (var entry in root.Elements().Where(e => e.Name.LocalName == "url"))
                    {
                        AddUrl(entry);
                    }

                    break;
                case "sitemapindex":
                    Processed++;
                    IndexFiles++;
                    if (!follow || depth >= MaxDepth)
                    {
                        break;
                    }

                    foreach (var loc in root.Elements().Where(e => e.Name.LocalName == "sitemap").Select(e => Child(e, "loc")).OfType<string>())
                    {
                        await ProcessAsync(await FetchAsync(loc, raise: false, cancellationToken), depth + 1, cancellationToken);
                    }

                    break;
            }
        }

        private void AddUrl(XElement entry)
        {
            if (Child(entry, "loc") is not { } loc)
            {
                return;
            }

            Discovered++;
            if (Urls.Count >= maxUrls)
            {
                return;
            }

            var item = new JsonObject { ["url"] = loc };
            var hasMetadata = false;
            foreach (var field in new[] { "lastmod", "changefreq", "priority" })
            {
                if (Child(entry, field) is not { } value)
                {
                    continue;
                }

                hasMetadata = true;
                item[field] = field == "priority" && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : value;
            }

            item["has_metadata"] = hasMetadata;
            WithMetadata += hasMetadata ? 1 : 0;
            Urls.Add((JsonNode)item);
        }

        private static string? Child(XElement parent, string name) =>
            parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() is { Length: > 0 } v ? v : null;

        /// <summary>Parses sitemap XML (gzip-compressed bodies too); DTDs are refused, malformed XML gives null.</summary>
        private static XDocument? Parse(byte[] body)
        {
            try
            {
                using Stream raw = new MemoryStream(body);
                using var stream = body is [0x1f, 0x8b, ..] ? new GZipStream(raw, CompressionMode.Decompress) : raw;
                using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                return XDocument.Load(reader);
            }
            catch (Exception ex) when (ex is XmlException or InvalidDataException)
            {
                return null;
            }
        }
    }
}
