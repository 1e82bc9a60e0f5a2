using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.TestUtilities;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Tests.Files;

/// <summary>Runs one tool directly with parameters given as an object.</summary>
internal static class FileToolHarness
{
    public static async Task<ComponentOutput> Run(ITool tool, ToolServices services, JsonObject parameters)
    {
        var request = ToolTestServices.Request(services, tool.Descriptor.Name, parameters.ToJsonString());
        return await tool.ExecuteAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<ToolFailureException> Fails(ITool tool, ToolServices services, JsonObject parameters) =>
        await Assert.ThrowsAsync<ToolFailureException>(() => Run(tool, services, parameters));

    /// <summary>The envelope's result object.</summary>
    public static JsonObject Result(ComponentOutput output) => (JsonObject)output.Value!["result"]!;
}
