using System.Text;
using BenchmarkDotNet.Attributes;
using LlmSpell.Configuration;
using LlmSpell.Output;
using LlmSpell.Runtime;
using LlmSpell.Scripting;
using LlmSpell.Scripting.Lua;

namespace LlmSpell.Benchmarks;

/// <summary>
/// Cost of crossing the Lua ⇄ C# boundary, per call, against a pure Lua function call measured in
/// the same run (issue target: a trivial binding call ≤ 0.3 µs). Each benchmark runs a Lua loop of
/// <see cref="Calls"/> calls; BenchmarkDotNet divides by OperationsPerInvoke.
/// </summary>
[MemoryDiagnoser]
public class BindingBenchmarks
{
    private const int Calls = 100_000;
    private LuaEngine _engine = null!;
    private IScriptFunction _luaFunction = null!;
    private byte[] _pureLua = null!;
    private byte[] _binding = null!;
    private byte[] _bindingWithArgs = null!;

    [GlobalSetup]
    public void Setup()
    {
        var config = LlmSpellConfig.Defaults();
        var context = new RunContext(config, new RunOutput(Stream.Null, Stream.Null), new ScriptInfo("=bench", null, "bench", []), CancellationToken.None);
        var bench = new BenchGlobal(this);
        _engine = new LuaEngine(context, [bench], new LuaEngineOptions { UseProcessStdout = false });
        _pureLua = Encoding.UTF8.GetBytes($"local function f(x) return x end local s = 0 for i = 1, {Calls} do s = f(i) end");
        _binding = Encoding.UTF8.GetBytes($"local f = Bench.noop local s for i = 1, {Calls} do s = f() end");
        _bindingWithArgs = Encoding.UTF8.GetBytes($"local f = Bench.add local s = 0 for i = 1, {Calls} do s = f(s, 1) end");
        _engine.Execute(Encoding.UTF8.GetBytes("function luaIdentity(x) return x end Bench.capture(luaIdentity)"), "=setup");
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "pure Lua function call")]
    public void PureLuaCall() => _engine.Execute(_pureLua, "=pure");

    [Benchmark(OperationsPerInvoke = Calls, Description = "Lua → C# binding call (no args)")]
    public void BindingCall() => _engine.Execute(_binding, "=binding");

    [Benchmark(OperationsPerInvoke = Calls, Description = "Lua → C# binding call (2 numbers in, 1 out)")]
    public void BindingCallWithArgs() => _engine.Execute(_bindingWithArgs, "=binding2");

    [Benchmark(OperationsPerInvoke = 1000, Description = "C# → Lua function call")]
    public void CSharpToLua()
    {
        for (var i = 0; i < 1000; i++)
        {
            _luaFunction.Call(i);
        }
    }

    private sealed class BenchGlobal(BindingBenchmarks owner) : IScriptGlobal
    {
        public GlobalDefinition Define() => new GlobalDefinition("Bench")
            .Function("noop", _ => null)
            .Function("add", a => a.Number(0, "a") + a.Number(1, "b"))
            .Function("capture", a =>
            {
                owner._luaFunction = a.Function(0, "fn");
                return null;
            });
    }
}
