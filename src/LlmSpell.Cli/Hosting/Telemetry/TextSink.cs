using LlmSpell.Output;

namespace LlmSpell.Cli.Hosting.Telemetry;

/// <summary>Where the console and file exporters write their lines (thread-safe).</summary>
internal sealed class TextSink(Action<string> writeLine, IDisposable? owned = null) : IDisposable
{
    private readonly object _gate = new();

    /// <summary>Standard error: standard output carries only script output.</summary>
    public static TextSink Stderr(RunOutput output) => new(output.WriteStderrLine);

    /// <summary>Appends JSON lines to a file (created with its directory).</summary>
    public static TextSink File(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var writer = new StreamWriter(new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = false };
        return new(writer.WriteLine, writer) { _flush = writer.Flush };
    }

    private Action? _flush;

    public void WriteLine(string line)
    {
        lock (_gate)
        {
            writeLine(line);
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            _flush?.Invoke();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _flush?.Invoke();
            owned?.Dispose();
        }
    }
}
