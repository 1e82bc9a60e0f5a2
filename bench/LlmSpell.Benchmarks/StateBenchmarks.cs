using BenchmarkDotNet.Attributes;
using LlmSpell.TestUtilities;

namespace LlmSpell.Benchmarks;

/// <summary>
/// State.save + State.load pairs from Lua, per backend (target on SQLite: at least 20k pairs/s), and
/// Session create/save/load from Lua. One invocation runs a whole script, so per-op numbers include
/// the Lua-to-store round trip; the run's start-up is amortised over <see cref="Pairs"/> operations.
/// PostgreSQL needs <c>LLMSPELL_TEST_POSTGRES</c> (eval "$(.ci/start-postgres.sh)").
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser(displayGenColumns: false)]
public class StateBenchmarks
{
    private const int Pairs = 20_000;
    private const int SessionOps = 500;

    private TempDirectory? _dir;
    private string _toml = "";

    [Params("memory", "sqlite", "postgres")]
    public string Backend { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        _dir = new TempDirectory("llmspell-bench-state");
        var cs = "";
        if (Backend == "postgres")
        {
            cs = (Environment.GetEnvironmentVariable("LLMSPELL_TEST_POSTGRES") ?? throw new InvalidOperationException("LLMSPELL_TEST_POSTGRES not set"))
                .TrimEnd(';') + $";Search Path=bench_{Guid.NewGuid():N}";
        }

        _toml = $"""
            [runtime.state_persistence]
            enabled = true
            backend_type = "{Backend}"
            path = "{_dir.File("state.db")}"
            connection_string = "{cs}"

            [runtime.sessions]
            enabled = true
            session_timeout_seconds = 0
            max_sessions = 1000000
            """;
    }

    [GlobalCleanup]
    public void Cleanup() => _dir?.Dispose();

    [Benchmark(OperationsPerInvoke = Pairs, Description = "State.save+load pair")]
    public void SaveLoadPair() => Run($$"""
        local save, load = State.save, State.load
        for i = 1, {{Pairs}} do
          local k = "k" .. (i % 1000)
          save("bench", k, { i = i, name = "value" })
          local v = load("bench", k)
        end
        """);

    [Benchmark(OperationsPerInvoke = SessionOps, Description = "Session create+save+load")]
    public void SessionCreateSaveLoad() => Run($$"""
        for i = 1, {{SessionOps}} do
          local id = Session.create({ name = "s" .. i, tags = { "bench" } })
          Session.save(id)
          Session.load(id)
        end
        """);

    private void Run(string code)
    {
        var result = ScriptHarness.Run(code, _toml, withAsserts: false);
        if (!result.Success)
        {
            throw new InvalidOperationException(result.ToString());
        }
    }
}
