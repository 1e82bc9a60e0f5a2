using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using LlmSpell.Configuration;
using LlmSpell.Globals;
using LlmSpell.Output;
using LlmSpell.Runtime;
using LlmSpell.Scripting;
using LlmSpell.Scripting.Lua;
using LlmSpell.Tools;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Pipeline;

namespace LlmSpell.Benchmarks;

/// <summary>
/// <c>Tool.invoke("uuid_generator")</c> round trip from Lua (target ≤ 20 µs) against the same tool
/// called directly from C# and through the pipeline from C#, in the same run.
/// </summary>
[MemoryDiagnoser]
public class ToolInvokeBenchmarks
{
    private const int Calls = 2_000;
    private LuaEngine _engine = null!;
    private ToolPipeline _pipeline = null!;
    private ITool _tool = null!;
    private ToolServices _services = null!;
    private byte[] _luaLoop = null!;

    [GlobalSetup]
    public void Setup()
    {
        var config = LlmSpellConfig.Defaults();
        var context = new RunContext(config, new RunOutput(Stream.Null, Stream.Null), new ScriptInfo("=bench", null, "bench", []), CancellationToken.None);
        var services = new RuntimeServices();
        services.AddInstance(context);
        IRuntimeModule[] modules = [new CoreModule(), new ToolsModule()];
        foreach (var m in modules)
        {
            m.Configure(services, context);
        }

        var globals = modules.SelectMany(m => m.Globals(services, context)).ToList();
        _engine = new LuaEngine(context, globals, new LuaEngineOptions { UseProcessStdout = false });
        _pipeline = services.Get<ToolPipeline>();
        _services = services.Get<ToolServices>();
        _tool = _pipeline.Registry.Find("uuid_generator")!;
        _luaLoop = Encoding.UTF8.GetBytes($"local invoke = Tool.invoke local p = {{ operation = 'generate' }} for i = 1, {Calls} do invoke('uuid_generator', p) end");
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "tool.ExecuteAsync from C# (no pipeline)")]
    public async Task DirectCSharp()
    {
        for (var i = 0; i < Calls; i++)
        {
            await _tool.ExecuteAsync(new ToolRequest("uuid_generator", new JsonObject { ["operation"] = "generate", ["version"] = "v4", ["format"] = "hyphenated", ["count"] = 1, ["prefix"] = "component", ["short"] = false, ["timestamp"] = false, ["namespace"] = "dns" }, ToolCaller.Script, _services), CancellationToken.None);
        }
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "pipeline.InvokeAsync from C#")]
    public async Task PipelineCSharp()
    {
        for (var i = 0; i < Calls; i++)
        {
            await _pipeline.InvokeAsync("uuid_generator", new JsonObject { ["operation"] = "generate" }, ToolCaller.Script);
        }
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "Tool.invoke from Lua (round trip)")]
    public void FromLua() => _engine.Execute(_luaLoop, "=tools");
}
