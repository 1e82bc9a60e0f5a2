using LlmSpell.Tools.Web;

namespace LlmSpell.Tools.Infrastructure;

/// <summary>Registers the web/API tools (tools.md §5.13, §5.14, §5.29–§5.35); all share the run's HttpGateway.</summary>
internal static partial class BuiltInTools
{
    static partial void AddWebTools(List<ITool> tools, ToolServices services)
    {
        tools.Add(new GraphQlQueryTool(services));
        tools.Add(new HttpRequestTool(services));
        tools.Add(new WebSearchTool(services));
        tools.Add(new UrlAnalyzerTool(services));
        tools.Add(new WebScraperTool(services));
        tools.Add(new ApiTesterTool(services));
        tools.Add(new WebhookCallerTool(services));
        tools.Add(new WebpageMonitorTool(services));
        tools.Add(new SitemapCrawlerTool(services));
    }
}
