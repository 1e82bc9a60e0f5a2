using System.Text.Json.Nodes;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Values;

namespace LlmSpell.Tools.Tests.Sys;

/// <summary>Runs a system-area tool directly with JSON parameters and exposes the envelope.</summary>
internal static class SysTool
{
    public static JsonObject Run(ITool tool, ToolServices services, string json)
    {
        var output = tool.ExecuteAsync(TestUtilities.ToolTestServices.Request(services, tool.Descriptor.Name, json), TestContext.Current.CancellationToken)
            .GetAwaiter().GetResult();
        return (JsonObject)output.Value!;
    }

    public static ToolFailureException Fails(ITool tool, ToolServices services, string json) =>
        Assert.Throws<ToolFailureException>(() => Run(tool, services, json));

    /// <summary>The script-facing message (what Lua sees) of a raise-style failure.</summary>
    public static string Raises(ITool tool, ToolServices services, string json) =>
        Fails(tool, services, json).ScriptMessage(tool.Descriptor.Name);

    public static JsonNode? Result(JsonObject envelope, string path) => JsonValues.AtPath(envelope["result"], path, oneBasedArrays: false);

    public static string Json(string s) => JsonText.Compact(JsonValue.Create(s));
}
