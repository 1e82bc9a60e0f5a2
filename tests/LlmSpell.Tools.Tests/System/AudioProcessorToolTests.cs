using LlmSpell.TestUtilities;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Sys.Media;
using LlmSpell.Values;

namespace LlmSpell.Tools.Tests.Sys;

public sealed class AudioProcessorToolTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ToolServices _services = ToolTestServices.Create();

    public void Dispose() => _dir.Dispose();

    private string Write(string name, byte[] bytes)
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private System.Text.Json.Nodes.JsonObject Run(string json) => SysTool.Run(new AudioProcessorTool(_services), _services, json);

    [Theory]
    [InlineData("a.wav", "wav")]
    [InlineData("a.flac", "flac")]
    [InlineData("a.mp3", "mp3")]
    [InlineData("a.ogg", "ogg")]
    [InlineData("a.m4a", "m4a")]
    public void Detect_UsesSignatureNotExtension(string name, string expected)
    {
        var bytes = expected switch
        {
            "wav" => MediaSamples.Wav(8000, 1, 16, 0.1),
            "flac" => MediaSamples.Flac(),
            "mp3" => MediaSamples.Mp3(),
            "ogg" => MediaSamples.Ogg(),
            _ => MediaSamples.M4a(),
        };
        var path = Write(name + ".bin", bytes);
        var env = Run($$"""{"operation":"detect","file_path":{{SysTool.Json(path)}}}""");
        Assert.Equal(expected, JsonValues.AsString(SysTool.Result(env, "format")));
        Assert.Equal(true, JsonValues.AsBool(SysTool.Result(env, "supported")));
    }

    [Fact]
    public void Metadata_Wav_ReadsHeaderAndInfoTitle()
    {
        var path = Write("tone.wav", MediaSamples.Wav(22050, 2, 16, 1.5, "Tone"));
        var env = Run($$"""{"file_path":{{SysTool.Json(path)}}}""");
        Assert.Equal(1.5, JsonValues.AsDouble(SysTool.Result(env, "metadata.duration_seconds")));
        Assert.Equal(22050L, JsonValues.AsInteger(SysTool.Result(env, "metadata.sample_rate")));
        Assert.Equal(2L, JsonValues.AsInteger(SysTool.Result(env, "metadata.channels")));
        Assert.Equal(16L, JsonValues.AsInteger(SysTool.Result(env, "metadata.bit_depth")));
        Assert.Equal(705600L, JsonValues.AsInteger(SysTool.Result(env, "metadata.bit_rate")));
        Assert.Equal("Tone", JsonValues.AsString(SysTool.Result(env, "metadata.title")));
        Assert.Equal(new FileInfo(path).Length, JsonValues.AsInteger(SysTool.Result(env, "metadata.file_size")));
    }

    [Fact]
    public void Metadata_Flac_ReadsStreamInfoAndComments()
    {
        var env = Run($$"""{"file_path":{{SysTool.Json(Write("a.flac", MediaSamples.Flac()))}}}""");
        Assert.Equal(2.0, JsonValues.AsDouble(SysTool.Result(env, "metadata.duration_seconds")));
        Assert.Equal(44100L, JsonValues.AsInteger(SysTool.Result(env, "metadata.sample_rate")));
        Assert.Equal(2L, JsonValues.AsInteger(SysTool.Result(env, "metadata.channels")));
        Assert.Equal(16L, JsonValues.AsInteger(SysTool.Result(env, "metadata.bit_depth")));
        Assert.Equal("Song1", JsonValues.AsString(SysTool.Result(env, "metadata.title")));
        Assert.Equal("Band1", JsonValues.AsString(SysTool.Result(env, "metadata.artist")));
    }

    [Fact]
    public void Metadata_Mp3_ReadsId3AndXingDuration()
    {
        var env = Run($$"""{"file_path":{{SysTool.Json(Write("a.mp3", MediaSamples.Mp3()))}}}""");
        Assert.Equal(2.612, JsonValues.AsDouble(SysTool.Result(env, "metadata.duration_seconds")));
        Assert.Equal(44100L, JsonValues.AsInteger(SysTool.Result(env, "metadata.sample_rate")));
        Assert.Equal(2L, JsonValues.AsInteger(SysTool.Result(env, "metadata.channels")));
        Assert.Equal("Tune", JsonValues.AsString(SysTool.Result(env, "metadata.title")));
        Assert.Equal("Artist X", JsonValues.AsString(SysTool.Result(env, "metadata.artist")));
        Assert.Equal("Album Y", JsonValues.AsString(SysTool.Result(env, "metadata.album")));
        Assert.Equal("2021", JsonValues.AsString(SysTool.Result(env, "metadata.year")));
    }

    [Fact]
    public void Metadata_OggVorbis_ReadsIdentificationCommentsAndDuration()
    {
        var env = Run($$"""{"file_path":{{SysTool.Json(Write("a.ogg", MediaSamples.Ogg()))}}}""");
        Assert.Equal(2.0, JsonValues.AsDouble(SysTool.Result(env, "metadata.duration_seconds")));
        Assert.Equal(48000L, JsonValues.AsInteger(SysTool.Result(env, "metadata.sample_rate")));
        Assert.Equal(160000L, JsonValues.AsInteger(SysTool.Result(env, "metadata.bit_rate")));
        Assert.Equal("Alb1", JsonValues.AsString(SysTool.Result(env, "metadata.album")));
    }

    [Fact]
    public void Metadata_M4a_ReadsMvhdTrackAndTags()
    {
        var env = Run($$"""{"file_path":{{SysTool.Json(Write("a.m4a", MediaSamples.M4a()))}}}""");
        Assert.Equal(3.0, JsonValues.AsDouble(SysTool.Result(env, "metadata.duration_seconds")));
        Assert.Equal(44100L, JsonValues.AsInteger(SysTool.Result(env, "metadata.sample_rate")));
        Assert.Equal(2L, JsonValues.AsInteger(SysTool.Result(env, "metadata.channels")));
        Assert.Equal("M4A Title", JsonValues.AsString(SysTool.Result(env, "metadata.title")));
    }

    [Fact]
    public void Metadata_UnknownFile_OmitsUnavailableValues()
    {
        var env = Run($$"""{"file_path":{{SysTool.Json(Write("x.dat", new byte[100]))}}}""");
        Assert.Equal("unknown", JsonValues.AsString(SysTool.Result(env, "metadata.format")));
        Assert.Null(SysTool.Result(env, "metadata.duration_seconds"));
        Assert.Equal(100L, JsonValues.AsInteger(SysTool.Result(env, "metadata.file_size")));
    }

    [Fact]
    public void Convert_Wav_ResamplesDownmixesAndChangesDepth()
    {
        var source = Write("in.wav", MediaSamples.Wav(16000, 2, 16, 1.0));
        var target = _dir.File("out/mono8k.wav");
        var env = Run($$"""{"operation":"convert","source_path":{{SysTool.Json(source)}},"target_path":{{SysTool.Json(target)}},"sample_rate":8000,"channels":1,"bit_depth":8}""");
        Assert.Equal(1.0, JsonValues.AsDouble(SysTool.Result(env, "duration_seconds")));
        Assert.Equal("wav", JsonValues.AsString(SysTool.Result(env, "format")));
        var check = Run($$"""{"file_path":{{SysTool.Json(target)}}}""");
        Assert.Equal(8000L, JsonValues.AsInteger(SysTool.Result(check, "metadata.sample_rate")));
        Assert.Equal(1L, JsonValues.AsInteger(SysTool.Result(check, "metadata.channels")));
        Assert.Equal(8L, JsonValues.AsInteger(SysTool.Result(check, "metadata.bit_depth")));
        Assert.Equal(44 + 8000, new FileInfo(target).Length);
    }

    [Fact]
    public void Convert_Mp3ToWav_RaisesUnsupported()
    {
        var source = Write("a.mp3", MediaSamples.Mp3());
        var failure = SysTool.Fails(new AudioProcessorTool(_services), _services, $$"""{"operation":"convert","source_path":{{SysTool.Json(source)}},"target_path":{{SysTool.Json(_dir.File("o.wav"))}}}""");
        Assert.Equal("unsupported: conversion mp3 → wav is not supported", failure.Message);
        var toMp3 = SysTool.Fails(new AudioProcessorTool(_services), _services, $$"""{"operation":"convert","source_path":{{SysTool.Json(Write("b.wav", MediaSamples.Wav(8000, 1, 16, 0.1)))}},"target_path":{{SysTool.Json(_dir.File("o.mp3"))}}}""");
        Assert.Equal("unsupported: conversion wav → mp3 is not supported", toMp3.Message);
    }

    [Fact]
    public void BadInput_EachRaisesTheSpecError()
    {
        var tool = new AudioProcessorTool(_services);
        Assert.Equal("Tool 'audio_processor' invalid parameters: missing required parameter 'file_path'", SysTool.Raises(tool, _services, """{"operation":"metadata"}"""));
        Assert.Equal(ToolFailureKind.InvalidParameters, SysTool.Fails(tool, _services, """{"operation":"transcode","file_path":"/tmp/x"}""").Kind);
        Assert.Equal(ToolFailureKind.SecurityViolation, SysTool.Fails(tool, _services, """{"file_path":"/etc/hostname"}""").Kind);
        Assert.Equal("not_found", SysTool.Fails(tool, _services, """{"file_path":"/tmp/llmspell-no-such.wav"}""").Code);
        var big = Write("big.wav", new byte[2048]);
        var small = ToolTestServices.Create("[tools.media]\nmax_file_size = 1000");
        Assert.Contains("exceeding the limit of 1000", SysTool.Fails(new AudioProcessorTool(small), small, $$"""{"file_path":{{SysTool.Json(big)}}}""").Message, StringComparison.Ordinal);
        var source = Write("c.wav", MediaSamples.Wav(8000, 1, 16, 0.1));
        Assert.Equal(ToolFailureKind.SecurityViolation, SysTool.Fails(tool, _services, $$"""{"operation":"convert","source_path":{{SysTool.Json(source)}},"target_path":"/etc/out.wav"}""").Kind);
    }

    [Fact]
    public void UnreadableFile_Raises()
    {
        if (Environment.UserName == "root")
        {
            Assert.Skip("running as root: file permissions do not prevent reading");
        }

        var path = Write("locked.wav", MediaSamples.Wav(8000, 1, 16, 0.1));
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("needs Unix file modes");
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }
        Assert.Contains("cannot read", SysTool.Fails(new AudioProcessorTool(_services), _services, $$"""{"file_path":{{SysTool.Json(path)}}}""").Message, StringComparison.Ordinal);
    }
}
