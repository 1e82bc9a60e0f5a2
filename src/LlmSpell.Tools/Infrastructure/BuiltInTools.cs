namespace LlmSpell.Tools.Infrastructure;

/// <summary>
/// The built-in tools of tools.md §3. Each area (utility, files/data, web, system/media/data
/// stores) implements its own partial method in its folder, so areas never edit a shared list.
/// </summary>
internal static partial class BuiltInTools
{
    public static List<ITool> Create(ToolServices services)
    {
        var tools = new List<ITool>();
        AddUtilityTools(tools, services);
        AddFileTools(tools, services);
        AddWebTools(tools, services);
        AddSystemTools(tools, services);
        return tools;
    }

    /// <summary>Utility/ — base64, calculator, data_validation, date_time_handler, diff, hash, template, text, uuid, citations.</summary>
    static partial void AddUtilityTools(List<ITool> tools, ToolServices services);

    /// <summary>Files/ — file_operations, file_search, file_watcher, file_converter, archive_handler, csv_analyzer, json_processor, graph_builder, pdf_processor.</summary>
    static partial void AddFileTools(List<ITool> tools, ToolServices services);

    /// <summary>Web/ — http_request, graphql_query, web_scraper, api_tester, webhook_caller, webpage_monitor, sitemap_crawler, url_analyzer, web_search.</summary>
    static partial void AddWebTools(List<ITool> tools, ToolServices services);

    /// <summary>System/ — environment_reader, process_executor, service_checker, system_monitor, audio/image/video processors, database_connector, email_sender.</summary>
    static partial void AddSystemTools(List<ITool> tools, ToolServices services);
}
