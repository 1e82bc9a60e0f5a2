using System.Reflection;
using System.Text;
using LlmSpell.Cli;
using LlmSpell.Cli.Hosting;
using LlmSpell.Configuration;
using LlmSpell.Output;
using LlmSpell.Runtime;

namespace LlmSpell.TestUtilities;

/// <summary>Outcome of an in-process script run.</summary>
public sealed record HarnessResult(ScriptRunResult Run, string Stdout, string Stderr)
{
    public bool Success => Run.Success;

    public string? Error => Run.Error;

    public override string ToString() => $"success={Run.Success} error={Run.Error}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs scripts in-process with the full runtime (every module of the CLI), capturing output.
/// Faster than <see cref="CliProcess"/>; use it for API behaviour, and the process for CLI behaviour.
/// </summary>
public static class ScriptHarness
{
    private static readonly Lazy<byte[]> AssertLibrary = new(() =>
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("assert.lua")!;
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    });

    /// <summary>Runs Lua code. <paramref name="toml"/> is the configuration text (empty = defaults).</summary>
    public static HarnessResult Run(string code, string toml = "", IReadOnlyList<string>? args = null,
        IReadOnlyDictionary<string, string>? env = null, bool withAsserts = true, string chunkName = "=(test)",
        string? scriptPath = null, TimeSpan? timeout = null, CancellationToken cancellation = default) =>
        RunBytes(Encoding.UTF8.GetBytes(code), toml, args, env, withAsserts, chunkName, scriptPath, timeout, cancellation);

    /// <summary>Runs a script file with the assertion library injected.</summary>
    public static HarnessResult RunFile(string path, string toml = "", IReadOnlyDictionary<string, string>? env = null) =>
        RunBytes(File.ReadAllBytes(path), toml, [], env, true, "@" + Path.GetRelativePath(RepoPaths.Root, path), path, null, default);

    private static HarnessResult RunBytes(byte[] code, string toml, IReadOnlyList<string>? args, IReadOnlyDictionary<string, string>? env,
        bool withAsserts, string chunkName, string? scriptPath, TimeSpan? timeout, CancellationToken cancellation)
    {
        var loaded = ConfigLoader.FromText(toml, toml.Length == 0 ? null : "test.toml", env ?? new Dictionary<string, string>());
        if (!loaded.IsValid)
        {
            throw new InvalidOperationException("test configuration is invalid: " + string.Join("; ", loaded.Errors));
        }

        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var output = new RunOutput(stdout, stderr);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        cts.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        var script = new ScriptInfo(chunkName, scriptPath, scriptPath is null ? "(test)" : Path.GetFileName(scriptPath), args ?? []);
        var settings = new CliSettings { Quiet = false };
        var context = RuntimeHost.CreateContext(loaded.Config, script, settings, output, cts.Token);
        context.InterruptReason = "test timed out";
        ScriptRunResult? result = null;
        Exception? crash = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = new RuntimeHost(context, settings) { UseProcessStdout = false, Prelude = withAsserts ? AssertLibrary.Value : null }
                        .Execute(code, chunkName);
                }
                catch (Exception ex)
                {
                    crash = ex;
                }
            },
            64 * 1024 * 1024);
        thread.Start();
        thread.Join();
        if (crash is not null)
        {
            throw new InvalidOperationException("the runtime crashed", crash);
        }

        output.Flush();
        return new HarnessResult(result!, Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()));
    }
}
