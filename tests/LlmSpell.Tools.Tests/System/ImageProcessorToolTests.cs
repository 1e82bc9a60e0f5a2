using LlmSpell.TestUtilities;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Sys.Media;
using LlmSpell.Values;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace LlmSpell.Tools.Tests.Sys;

public sealed class ImageProcessorToolTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ToolServices _services = ToolTestServices.Create();

    public void Dispose() => _dir.Dispose();

    private System.Text.Json.Nodes.JsonObject Run(string json) => SysTool.Run(new ImageProcessorTool(_services), _services, json);

    private string Png(int width, int height, string name = "in.png")
    {
        var path = _dir.File(name);
        using var image = new Image<Rgba32>(width, height);
        image[0, 0] = new Rgba32(255, 0, 0, 255);
        image[width - 1, 0] = new Rgba32(0, 0, 255, 128);
        image.SaveAsPng(path);
        return path;
    }

    [Fact]
    public void Detect_Png_ReportsFormatAndMime()
    {
        var env = Run($$"""{"operation":"detect","file_path":{{SysTool.Json(Png(10, 10))}}}""");
        Assert.Equal("png", JsonValues.AsString(SysTool.Result(env, "format")));
        Assert.Equal("image/png", JsonValues.AsString(SysTool.Result(env, "mime_type")));
        Assert.Equal(true, JsonValues.AsBool(SysTool.Result(env, "supported")));
    }

    [Fact]
    public void Metadata_Png_ReportsDimensionsAlphaAndSize()
    {
        var path = Png(40, 30);
        var env = Run($$"""{"file_path":{{SysTool.Json(path)}}}""");
        Assert.Equal(40L, JsonValues.AsInteger(SysTool.Result(env, "width")));
        Assert.Equal(30L, JsonValues.AsInteger(SysTool.Result(env, "height")));
        Assert.Equal("rgba", JsonValues.AsString(SysTool.Result(env, "color_mode")));
        Assert.Equal(true, JsonValues.AsBool(SysTool.Result(env, "has_alpha")));
        Assert.Equal(8L, JsonValues.AsInteger(SysTool.Result(env, "bit_depth")));
        Assert.Equal(1L, JsonValues.AsInteger(SysTool.Result(env, "frame_count")));
        Assert.Equal(new FileInfo(path).Length, JsonValues.AsInteger(SysTool.Result(env, "file_size")));
    }

    [Fact]
    public void Metadata_JpegWithExif_ReportsExifMap()
    {
        var path = _dir.File("photo.jpg");
        using (var image = new Image<Rgb24>(16, 16))
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.Make, "LlmSpellCam");
            image.SaveAsJpeg(path);
        }

        var env = Run($$"""{"file_path":{{SysTool.Json(path)}}}""");
        Assert.Equal("jpeg", JsonValues.AsString(SysTool.Result(env, "format")));
        Assert.Equal("LlmSpellCam", JsonValues.AsString(SysTool.Result(env, "exif.Make")));
        Assert.Equal(false, JsonValues.AsBool(SysTool.Result(env, "has_alpha")));
    }

    [Fact]
    public void Resize_KeepsAspectRatioByDefault()
    {
        var target = _dir.File("out/resized.png");
        var env = Run($$"""{"operation":"resize","file_path":{{SysTool.Json(Png(200, 100))}},"target_path":{{SysTool.Json(target)}},"width":50,"height":50}""");
        Assert.Equal(50L, JsonValues.AsInteger(SysTool.Result(env, "width")));
        Assert.Equal(25L, JsonValues.AsInteger(SysTool.Result(env, "height")));
        Assert.Equal(50, Image.Identify(target)!.Width);
        var exact = Run($$"""{"operation":"resize","file_path":{{SysTool.Json(Png(200, 100))}},"target_path":{{SysTool.Json(target)}},"width":50,"height":50,"maintain_aspect_ratio":false}""");
        Assert.Equal(50L, JsonValues.AsInteger(SysTool.Result(exact, "height")));
    }

    [Fact]
    public void ThumbnailCropRotateFlipConvert_ProduceExpectedImages()
    {
        var source = Png(400, 200);
        var thumb = Run($$"""{"operation":"thumbnail","file_path":{{SysTool.Json(source)}},"target_path":{{SysTool.Json(_dir.File("t.png"))}}}""");
        Assert.Equal(200L, JsonValues.AsInteger(SysTool.Result(thumb, "width")));
        Assert.Equal(100L, JsonValues.AsInteger(SysTool.Result(thumb, "height")));

        var crop = Run($$"""{"operation":"crop","file_path":{{SysTool.Json(source)}},"target_path":{{SysTool.Json(_dir.File("c.png"))}},"x":10,"y":20,"width":30,"height":40}""");
        Assert.Equal(30L, JsonValues.AsInteger(SysTool.Result(crop, "width")));

        var rotate = Run($$"""{"operation":"rotate","file_path":{{SysTool.Json(source)}},"target_path":{{SysTool.Json(_dir.File("r.png"))}}}""");
        Assert.Equal(200L, JsonValues.AsInteger(SysTool.Result(rotate, "width")));
        Assert.Equal(400L, JsonValues.AsInteger(SysTool.Result(rotate, "height")));

        var flipped = _dir.File("f.png");
        Run($$"""{"operation":"flip","file_path":{{SysTool.Json(source)}},"target_path":{{SysTool.Json(flipped)}},"direction":"horizontal"}""");
        using (var image = Image.Load<Rgba32>(flipped))
        {
            Assert.Equal(new Rgba32(255, 0, 0, 255), image[399, 0]);
        }

        var webp = Run($$"""{"operation":"convert","file_path":{{SysTool.Json(source)}},"target_path":{{SysTool.Json(_dir.File("x.out"))}},"target_format":"webp","quality":50}""");
        Assert.Equal("webp", JsonValues.AsString(SysTool.Result(webp, "format")));
        Assert.Equal("Webp", Image.DetectFormat(_dir.File("x.out"))!.Name);
        var jpeg = Run($$"""{"operation":"convert","file_path":{{SysTool.Json(source)}},"target_path":{{SysTool.Json(_dir.File("x.jpg"))}}}""");
        Assert.Equal("jpeg", JsonValues.AsString(SysTool.Result(jpeg, "format")));
    }

    [Fact]
    public void OversizedImage_Raises()
    {
        var small = ToolTestServices.Create("[tools.media]\nimage_max_dimensions = 100");
        var failure = SysTool.Fails(new ImageProcessorTool(small), small, $$"""{"file_path":{{SysTool.Json(Png(150, 20))}}}""");
        Assert.Equal($"image '{_dir.File("in.png")}' is 150x20, exceeding the limit of 100x100 (tools.media.image_max_dimensions)", failure.Message);
    }

    [Fact]
    public void BadInput_EachRaisesTheSpecError()
    {
        var tool = new ImageProcessorTool(_services);
        var png = Png(20, 20);
        Assert.Equal("Tool 'image_processor' invalid parameters: missing required parameter 'file_path'", SysTool.Raises(tool, _services, """{"operation":"metadata"}"""));
        Assert.Equal(ToolFailureKind.InvalidParameters, SysTool.Fails(tool, _services, $$"""{"operation":"blur","file_path":{{SysTool.Json(png)}}}""").Kind);
        Assert.Equal("Tool 'image_processor' invalid parameters: missing required parameter 'target_path'", SysTool.Raises(tool, _services, $$"""{"operation":"resize","file_path":{{SysTool.Json(png)}},"width":5}"""));
        Assert.Equal(ToolFailureKind.InvalidParameters, SysTool.Fails(tool, _services, $$"""{"operation":"resize","file_path":{{SysTool.Json(png)}},"target_path":{{SysTool.Json(_dir.File("o.png"))}},"width":"wide"}""").Kind);
        Assert.Equal(ToolFailureKind.InvalidParameters, SysTool.Fails(tool, _services, $$"""{"operation":"crop","file_path":{{SysTool.Json(png)}},"target_path":{{SysTool.Json(_dir.File("o.png"))}},"x":15,"width":10,"height":10}""").Kind);
        Assert.Equal(ToolFailureKind.InvalidParameters, SysTool.Fails(tool, _services, $$"""{"operation":"convert","file_path":{{SysTool.Json(png)}},"target_path":{{SysTool.Json(_dir.File("o.tga"))}}}""").Kind);
        Assert.Equal(ToolFailureKind.SecurityViolation, SysTool.Fails(tool, _services, """{"file_path":"/etc/hostname"}""").Kind);
        Assert.Equal(ToolFailureKind.SecurityViolation, SysTool.Fails(tool, _services, $$"""{"operation":"convert","file_path":{{SysTool.Json(png)}},"target_path":"/etc/x.png"}""").Kind);
        Assert.Equal(ToolFailureKind.SecurityViolation, SysTool.Fails(tool, _services, $$"""{"operation":"convert","file_path":{{SysTool.Json(png)}},"target_path":{{SysTool.Json(_dir.File("evil.exe"))}}}""").Kind);
        Assert.Equal("not_found", SysTool.Fails(tool, _services, """{"file_path":"/tmp/llmspell-no-such.png"}""").Code);
        var garbage = _dir.Write("garbage.png", "not an image at all");
        Assert.Equal("unsupported", SysTool.Fails(tool, _services, $$"""{"file_path":{{SysTool.Json(garbage)}}}""").Code);
    }
}
