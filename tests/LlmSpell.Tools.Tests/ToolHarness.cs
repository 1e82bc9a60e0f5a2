using System.Text.Json.Nodes;
using LlmSpell.Scripting;
using LlmSpell.TestUtilities;
using LlmSpell.Tools.Pipeline;
using LlmSpell.Values;

namespace LlmSpell.Tools.Tests;

/// <summary>A tool pipeline over <see cref="ToolTestServices"/>, returning the script-facing result tables.</summary>
internal sealed class ToolHarness
{
    private readonly Lazy<ToolPipeline> _pipeline;

    public ToolHarness(string toml = "")
    {
        _pipeline = new(() => Create(toml));
    }

    public ToolPipeline Pipeline => _pipeline.Value;

    public SecurityAuditLog Audit { get; } = new(TimeProvider.System);

    public async Task<JsonObject> Run(string tool, string parametersJson, TimeSpan? timeout = null)
    {
        var output = await Pipeline.InvokeAsync(tool, (JsonObject)JsonText.Parse(parametersJson)!, ToolCaller.Script, timeout, TestContext.Current.CancellationToken);
        return output.ToScriptValue();
    }

    public async Task<JsonObject> Result(string tool, string parametersJson) => (JsonObject)(await Run(tool, parametersJson))["result"]!;

    public async Task<string> Raises(string tool, string parametersJson, TimeSpan? timeout = null)
    {
        var ex = await Assert.ThrowsAsync<ScriptException>(() => Run(tool, parametersJson, timeout));
        return ex.Message;
    }

    private ToolPipeline Create(string config)
    {
        var services = ToolTestServices.Create(config);
        return new ToolPipeline(ToolsModule.CreateRegistry(services), services, Audit);
    }
}
