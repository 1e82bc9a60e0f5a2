using System.Diagnostics;

namespace LlmSpell.TestUtilities;

/// <summary>What a user sees from one llmspell invocation.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>Runs the real llmspell executable through the repository launcher, as a user would.</summary>
public static class CliProcess
{
    private static readonly Lazy<bool> Built = new(() =>
    {
        var r = RunCore(["--version"], null, null, null, TimeSpan.FromMinutes(10), build: true);
        return r.ExitCode == 0 ? true : throw new InvalidOperationException("llmspell failed to build: " + r);
    });

    /// <summary>Runs <c>llmspell args...</c>.</summary>
    public static CliResult Run(IEnumerable<string> args, IDictionary<string, string?>? env = null, string? stdin = null, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        _ = Built.Value;
        return RunCore(args, env, stdin, workingDirectory, timeout ?? TimeSpan.FromMinutes(2), build: false);
    }

    public static CliResult Run(params string[] args) => Run((IEnumerable<string>)args);

    /// <summary>Starts llmspell without waiting (for signal and crash tests).</summary>
    public static Process Start(IEnumerable<string> args, IDictionary<string, string?>? env = null, string? workingDirectory = null)
    {
        _ = Built.Value;
        var psi = CreateStartInfo(args, env, workingDirectory, build: false);
        return Process.Start(psi)!;
    }

    private static ProcessStartInfo CreateStartInfo(IEnumerable<string> args, IDictionary<string, string?>? env, string? workingDirectory, bool build)
    {
        var psi = new ProcessStartInfo(RepoPaths.Launcher)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // Tests never see the developer's own configuration or keys.
        foreach (var name in psi.Environment.Keys.ToList())
        {
            // LLMSPELL_JIT selects which build the launcher makes (LLMSPELL_JIT=1 ./run-tests tests the R2R/JIT binary).
            if ((name.StartsWith("LLMSPELL", StringComparison.Ordinal) && name != "LLMSPELL_JIT") || name.EndsWith("_API_KEY", StringComparison.Ordinal) ||
                name is "OPENAI_BASE_URL" or "ANTHROPIC_BASE_URL" or "OLLAMA_HOST" or "DATABASE_URL")
            {
                psi.Environment.Remove(name);
            }
        }

        if (!build)
        {
            // Runs never see the developer's ~/.llmspell (keys, config); the build keeps the real
            // HOME because the .NET SDK needs it.
            var home = Path.Combine(Path.GetTempPath(), "llmspell-test-home");
            Directory.CreateDirectory(home);
            psi.Environment["HOME"] = home;
            psi.Environment["DOTNET_CLI_HOME"] = System.Environment.GetEnvironmentVariable("HOME") ?? home;
            psi.Environment["LLMSPELL_NO_BUILD"] = "1";
        }

        if (env is not null)
        {
            foreach (var (k, v) in env)
            {
                psi.Environment[k] = v;
            }
        }

        return psi;
    }

    private static CliResult RunCore(IEnumerable<string> args, IDictionary<string, string?>? env, string? stdin, string? workingDirectory, TimeSpan timeout, bool build)
    {
        using var p = Process.Start(CreateStartInfo(args, env, workingDirectory, build))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
        }

        p.StandardInput.Close();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"llmspell {string.Join(' ', args)} did not finish within {timeout}");
        }

        return new CliResult(p.ExitCode, stdout.Result, stderr.Result);
    }
}
