using System.Globalization;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;
using SixLabors.ImageSharp;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>
/// video_processor (tools.md §5.28): container detection and header metadata (parsed here), frame
/// extraction through ffmpeg under the process policy.
/// </summary>
internal sealed class VideoProcessorTool(ToolServices services, ProcessPolicy policy) : ITool
{
    private const int HeadBytes = 4 << 20;
    private static readonly string[] Operations = ["detect", "metadata", "thumbnail", "extract_frame"];

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "video_processor",
        Description = "Detect video containers, read their metadata and extract frames (with ffmpeg)",
        Category = "media",
        DefaultTimeout = TimeSpan.FromSeconds(60),
        Parameters =
        [
            Param.Enum("operation", "what to do", Operations, def: "metadata"),
            Param.Str("file_path", "input video (sandboxed)", required: true, aliases: ["source_path"]),
            Param.Str("target_path", "thumbnail/extract_frame: output image (sandboxed)"),
            Param.Num("timestamp_seconds", "thumbnail/extract_frame: position", 0),
        ],
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var op = SysText.Operation(request, Operations, "metadata");
        var given = request.String("file_path") ?? request.String("source_path") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'file_path'");
        var path = MediaFiles.AdmitInput(services, given);
        var head = MediaFiles.Head(path, HeadBytes);
        var format = MediaFormats.DetectVideo(head, path);
        switch (op)
        {
            case "detect":
                return Envelope.Success(op, $"Detected video format {format}", new JsonObject { ["file_path"] = given, ["format"] = format, ["supported"] = format != "unknown" });
            case "metadata":
                return Metadata(given, path, head, format);
            default:
                return await ExtractFrameAsync(op, request, given, path, cancellationToken);
        }
    }

    private static ComponentOutput Metadata(string given, string path, byte[] head, string format)
    {
        var info = format switch
        {
            "mp4" or "mov" => Mp4VideoParser.Parse(path),
            "mkv" or "webm" => MatroskaParser.Parse(head),
            "avi" => AviParser.Parse(head),
            _ => null,
        } ?? new VideoInfo();
        var size = new FileInfo(path).Length;
        var result = new JsonObject { ["file_path"] = given, ["format"] = format };
        if (info.DurationSeconds is { } d)
        {
            result["duration_seconds"] = d;
        }

        if (info.Width is { } w && info.Height is { } h)
        {
            result["width"] = w;
            result["height"] = h;
        }

        if (info.Fps is { } fps)
        {
            result["fps"] = fps;
        }

        if (info.VideoCodec is { } vc)
        {
            result["video_codec"] = vc;
        }

        if (info.AudioCodec is { } ac)
        {
            result["audio_codec"] = ac;
        }

        if (info.DurationSeconds is > 0)
        {
            result["bit_rate"] = (long)(size * 8 / info.DurationSeconds.Value);
        }

        result["file_size"] = size;
        return Envelope.Success("metadata", $"Video {format}" + (info.DurationSeconds is { } s ? $", {s:0.###} s" : string.Empty), result);
    }

    private async Task<ComponentOutput> ExtractFrameAsync(string op, ToolRequest request, string given, string path, CancellationToken ct)
    {
        var targetGiven = request.String("target_path") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'target_path'");
        var target = services.AdmitWritePath(targetGiven);
        var timestamp = request.Number("timestamp_seconds") ?? 0;
        if (timestamp < 0)
        {
            throw ToolFailureException.InvalidParameters("parameter 'timestamp_seconds': must not be negative");
        }

        var ffmpeg = FindFfmpeg(op);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        string[] args = ["-v", "error", "-y", "-ss", timestamp.ToString("0.###", CultureInfo.InvariantCulture), "-i", path, "-frames:v", "1", target];
        var timeout = TimeSpan.FromSeconds(services.Config.GetInt("tools.media.processing_timeout_seconds", 60));
        var outcome = await ProcessRunner.RunAsync(
            ffmpeg, args, Path.GetDirectoryName(target)!, policy.ChildEnvironment(null), null, policy.MaxOutputBytes, timeout, services.Time, ct);
        if (outcome.TimedOut)
        {
            throw ToolFailureException.Failed($"ffmpeg timed out after {(long)timeout.TotalMilliseconds} ms", "timeout");
        }

        if (outcome.ExitCode != 0 || !File.Exists(target))
        {
            var reason = outcome.Stderr.Trim().Split('\n').LastOrDefault(l => l.Length > 0) ?? $"exit code {outcome.ExitCode}";
            throw ToolFailureException.Failed($"ffmpeg could not extract a frame from '{given}': {reason}");
        }

        var image = Image.Identify(target);
        var result = new JsonObject
        {
            ["file_path"] = given,
            ["target_path"] = targetGiven,
            ["timestamp_seconds"] = timestamp,
            ["width"] = image?.Width,
            ["height"] = image?.Height,
        };
        return Envelope.Success(op, $"Frame at {timestamp:0.###} s written to {targetGiven}", result);
    }

    /// <summary>The configured or PATH ffmpeg, admitted by the process policy (implicitly allowed, still subject to the global switches and the block list).</summary>
    private string FindFfmpeg(string op)
    {
        var configured = services.Config.GetString("tools.media.ffmpeg_path");
        var candidate = configured ?? (ProcessPolicy.Resolve("ffmpeg") is not null ? "ffmpeg" : null);
        if (candidate is null || (configured is not null && !File.Exists(configured)))
        {
            throw ToolFailureException.Failed($"unsupported: operation '{op}' needs ffmpeg; set tools.media.ffmpeg_path", "unsupported");
        }

        return policy.Admit(candidate, implicitlyAllowed: true);
    }
}
