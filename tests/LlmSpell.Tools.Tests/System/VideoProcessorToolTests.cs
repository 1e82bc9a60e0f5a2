using LlmSpell.TestUtilities;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Sys;
using LlmSpell.Tools.Sys.Media;
using LlmSpell.Values;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LlmSpell.Tools.Tests.Sys;

public sealed class VideoProcessorToolTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static VideoProcessorTool Tool(ToolServices s) => new(s, new ProcessPolicy(s.Config));

    private string Write(string name, byte[] bytes)
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData("mp4")]
    [InlineData("webm")]
    [InlineData("avi")]
    public void Detect_RecognisesContainers(string format)
    {
        var s = ToolTestServices.Create();
        var bytes = format switch { "mp4" => MediaSamples.Mp4(), "webm" => MediaSamples.Webm(), _ => MediaSamples.Avi() };
        var env = SysTool.Run(Tool(s), s, $$"""{"operation":"detect","file_path":{{SysTool.Json(Write("v.bin", bytes))}}}""");
        Assert.Equal(format, JsonValues.AsString(SysTool.Result(env, "format")));
    }

    [Fact]
    public void Metadata_Mp4_FromMvhdTkhdStsdStts()
    {
        var s = ToolTestServices.Create();
        var env = SysTool.Run(Tool(s), s, $$"""{"file_path":{{SysTool.Json(Write("v.mp4", MediaSamples.Mp4()))}}}""");
        Assert.Equal(10.0, JsonValues.AsDouble(SysTool.Result(env, "duration_seconds")));
        Assert.Equal(640L, JsonValues.AsInteger(SysTool.Result(env, "width")));
        Assert.Equal(360L, JsonValues.AsInteger(SysTool.Result(env, "height")));
        Assert.Equal(25.0, JsonValues.AsDouble(SysTool.Result(env, "fps")));
        Assert.Equal("h264", JsonValues.AsString(SysTool.Result(env, "video_codec")));
        Assert.Equal("aac", JsonValues.AsString(SysTool.Result(env, "audio_codec")));
        Assert.NotNull(SysTool.Result(env, "bit_rate"));
    }

    [Fact]
    public void Metadata_Webm_FromSegmentInfoAndTracks()
    {
        var s = ToolTestServices.Create();
        var env = SysTool.Run(Tool(s), s, $$"""{"file_path":{{SysTool.Json(Write("v.webm", MediaSamples.Webm()))}}}""");
        Assert.Equal(5.0, JsonValues.AsDouble(SysTool.Result(env, "duration_seconds")));
        Assert.Equal(1280L, JsonValues.AsInteger(SysTool.Result(env, "width")));
        Assert.Equal(720L, JsonValues.AsInteger(SysTool.Result(env, "height")));
        Assert.Equal(30.0, JsonValues.AsDouble(SysTool.Result(env, "fps")));
        Assert.Equal("vp9", JsonValues.AsString(SysTool.Result(env, "video_codec")));
        Assert.Equal("opus", JsonValues.AsString(SysTool.Result(env, "audio_codec")));
    }

    [Fact]
    public void Metadata_Avi_FromAvih()
    {
        var s = ToolTestServices.Create();
        var env = SysTool.Run(Tool(s), s, $$"""{"file_path":{{SysTool.Json(Write("v.avi", MediaSamples.Avi()))}}}""");
        Assert.Equal(2.0, JsonValues.AsDouble(SysTool.Result(env, "duration_seconds")));
        Assert.Equal(320L, JsonValues.AsInteger(SysTool.Result(env, "width")));
        Assert.Equal(25.0, JsonValues.AsDouble(SysTool.Result(env, "fps")));
        Assert.Equal("mpeg4", JsonValues.AsString(SysTool.Result(env, "video_codec")));
        Assert.Equal("mp3", JsonValues.AsString(SysTool.Result(env, "audio_codec")));
    }

    [Fact]
    public void Thumbnail_WithoutFfmpeg_RaisesUnsupported()
    {
        if (ProcessPolicy.Resolve("ffmpeg") is not null)
        {
            Assert.Skip("ffmpeg is installed on this machine; the missing-ffmpeg path cannot be observed");
        }

        var s = ToolTestServices.Create();
        var failure = SysTool.Fails(Tool(s), s, $$"""{"operation":"thumbnail","file_path":{{SysTool.Json(Write("v.mp4", MediaSamples.Mp4()))}},"target_path":{{SysTool.Json(_dir.File("t.png"))}}}""");
        Assert.Equal("unsupported: operation 'thumbnail' needs ffmpeg; set tools.media.ffmpeg_path", failure.Message);
    }

    [Fact]
    public void ExtractFrame_RunsConfiguredFfmpegWithArgumentVector()
    {
        // A stand-in ffmpeg: copies a prepared PNG to its last argument, as the real one writes the frame there.
        var frame = _dir.File("frame-source.png");
        using (var img = new Image<Rgba32>(48, 27))
        {
            img.SaveAsPng(frame);
        }

        var fake = _dir.Write("bin/ffmpeg", $"#!/bin/sh\nfor last; do :; done\nexec cat '{frame}' > \"$last\"\n");
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("needs Unix file modes");
        }
        else
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        }
        var s = ToolTestServices.Create($"[tools.media]\nffmpeg_path = \"{fake}\"");
        var target = _dir.File("out/frame.png");
        var env = SysTool.Run(Tool(s), s, $$"""{"operation":"extract_frame","file_path":{{SysTool.Json(Write("v.mp4", MediaSamples.Mp4()))}},"target_path":{{SysTool.Json(target)}},"timestamp_seconds":1.5}""");
        Assert.Equal(48L, JsonValues.AsInteger(SysTool.Result(env, "width")));
        Assert.Equal(27L, JsonValues.AsInteger(SysTool.Result(env, "height")));
        Assert.Equal(1.5, JsonValues.AsDouble(SysTool.Result(env, "timestamp_seconds")));
        Assert.True(File.Exists(target));

        var denied = ToolTestServices.Create($"[runtime.security]\nallow_process_spawn = false\n[tools.media]\nffmpeg_path = \"{fake}\"");
        Assert.Equal(ToolFailureKind.SecurityViolation, SysTool.Fails(Tool(denied), denied, $$"""{"operation":"thumbnail","file_path":{{SysTool.Json(Write("w.mp4", MediaSamples.Mp4()))}},"target_path":{{SysTool.Json(target)}}}""").Kind);
    }

    [Fact]
    public void BadInput_EachRaisesTheSpecError()
    {
        var s = ToolTestServices.Create();
        var tool = Tool(s);
        Assert.Equal("Tool 'video_processor' invalid parameters: missing required parameter 'file_path'", SysTool.Raises(tool, s, "{}"));
        Assert.Equal(ToolFailureKind.InvalidParameters, SysTool.Fails(tool, s, """{"operation":"encode","file_path":"/tmp/x.mp4"}""").Kind);
        Assert.Equal(ToolFailureKind.SecurityViolation, SysTool.Fails(tool, s, """{"file_path":"/etc/hostname"}""").Kind);
        Assert.Equal("not_found", SysTool.Fails(tool, s, """{"file_path":"/tmp/llmspell-no-such.mp4"}""").Code);
        var video = Write("v.mp4", MediaSamples.Mp4());
        Assert.Equal("Tool 'video_processor' invalid parameters: missing required parameter 'target_path'", SysTool.Raises(tool, s, $$"""{"operation":"thumbnail","file_path":{{SysTool.Json(video)}}}"""));
        Assert.Equal(ToolFailureKind.SecurityViolation, SysTool.Fails(tool, s, $$"""{"operation":"thumbnail","file_path":{{SysTool.Json(video)}},"target_path":"/etc/t.png"}""").Kind);
    }
}
