using System.Text;

namespace LlmSpell.Output;

/// <summary>
/// The run's stdout and stderr (runtime.md §5). stdout is the script's stream: <c>print</c>,
/// <c>io.write</c>, Debug lines and the script result share it so their order is preserved.
/// Diagnostics go to stderr, and stdout is flushed before every stderr line so they never
/// interleave inside a line.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class RunOutput
{
    private readonly object _gate = new();
    private readonly Stream _stderr;
    private IStdoutSink _stdout;
    private List<string>? _captured;

    public RunOutput(Stream? stdout = null, Stream? stderr = null)
    {
        _stdout = new StreamSink(stdout ?? Console.OpenStandardOutput());
        _stderr = stderr ?? Console.OpenStandardError();
    }

    /// <summary>Where stdout bytes go (the engine swaps in its own stream so print and io.write share it).</summary>
    public interface IStdoutSink
    {
        void Write(ReadOnlySpan<byte> bytes);

        void Flush();
    }

    /// <summary>Replaces the stdout sink (the Lua engine routes through C stdio).</summary>
    public void UseStdout(IStdoutSink sink)
    {
        lock (_gate)
        {
            _stdout.Flush();
            _stdout = sink;
        }
    }

    /// <summary>Starts keeping printed lines for --output pretty.</summary>
    public void CapturePrintedLines() => _captured ??= [];

    /// <summary>Lines written by print (when captured).</summary>
    public IReadOnlyList<string> PrintedLines => _captured ?? (IReadOnlyList<string>)[];

    /// <summary>Records a printed line for pretty output.</summary>
    public void RecordPrinted(string line)
    {
        lock (_gate)
        {
            _captured?.Add(line);
        }
    }

    /// <summary>Writes raw bytes to stdout.</summary>
    public void WriteStdout(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            _stdout.Write(bytes);
        }
    }

    /// <summary>Writes a line to stdout and flushes.</summary>
    public void WriteStdoutLine(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text + "\n");
        lock (_gate)
        {
            _stdout.Write(bytes);
            _stdout.Flush();
        }
    }

    /// <summary>Writes a line to stderr, flushing stdout first.</summary>
    public void WriteStderrLine(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text + "\n");
        lock (_gate)
        {
            _stdout.Flush();
            _stderr.Write(bytes);
            _stderr.Flush();
        }
    }

    /// <summary>Flushes stdout (print flushes every line, runtime.md §5.1).</summary>
    public void FlushStdout()
    {
        lock (_gate)
        {
            _stdout.Flush();
        }
    }

    /// <summary>Flushes both streams.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            _stdout.Flush();
            _stderr.Flush();
        }
    }

    private sealed class StreamSink(Stream stream) : IStdoutSink
    {
        public void Write(ReadOnlySpan<byte> bytes) => stream.Write(bytes);

        public void Flush() => stream.Flush();
    }
}
