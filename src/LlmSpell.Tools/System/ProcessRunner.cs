using System.Diagnostics;
using System.Text;

namespace LlmSpell.Tools.Sys;

/// <summary>What a finished (or killed) child process produced.</summary>
internal sealed record ProcessOutcome(int ExitCode, string Stdout, string Stderr, bool TimedOut, bool Truncated, long ElapsedMs);

/// <summary>
/// Runs one child process with an argument vector (never a shell), a given environment, optional
/// stdin, capped output capture and a timeout that kills the whole process tree.
/// </summary>
internal static class ProcessRunner
{
    public static async Task<ProcessOutcome> RunAsync(
        string path, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        string? stdin, long maxOutputBytes, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in arguments)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var started = time.GetTimestamp();
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw Infrastructure.ToolFailureException.Failed($"cannot start '{path}': {ex.Message}");
        }

        var stdout = CaptureAsync(process.StandardOutput.BaseStream, maxOutputBytes);
        var stderr = CaptureAsync(process.StandardError.BaseStream, maxOutputBytes);
        try
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited without reading its input; that is its business.
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        var (outText, outTruncated) = await stdout;
        var (errText, errTruncated) = await stderr;
        var elapsed = (long)time.GetElapsedTime(started).TotalMilliseconds;
        return new ProcessOutcome(process.ExitCode, outText, errText, timedOut, outTruncated || errTruncated, elapsed);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <summary>Keeps the first <paramref name="max"/> bytes and drains the rest so the child never blocks on a full pipe.</summary>
    private static async Task<(string Text, bool Truncated)> CaptureAsync(Stream stream, long max)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[16384];
        var truncated = false;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            var room = (int)Math.Max(0, Math.Min(read, max - kept.Length));
            kept.Write(buffer, 0, room);
            truncated |= room < read;
        }

        return (Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length), truncated);
    }
}
