using LlmSpell.Tools.Infrastructure;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>Chooses the output encoder for image_processor from target_format or the target extension.</summary>
internal static class ImageCodecs
{
    public static readonly string[] WritableFormats = ["png", "jpeg", "gif", "bmp", "webp"];

    public static (string Name, IImageEncoder Encoder) Encoder(string? targetFormat, string targetPath, long quality)
    {
        if (quality is < 1 or > 100)
        {
            throw ToolFailureException.InvalidParameters("parameter 'quality': must be between 1 and 100");
        }

        var name = (targetFormat ?? Path.GetExtension(targetPath).TrimStart('.')).Trim().ToLowerInvariant();
        name = name == "jpg" ? "jpeg" : name;
        return name switch
        {
            "png" => (name, new PngEncoder()),
            "jpeg" => (name, new JpegEncoder { Quality = (int)quality }),
            "gif" => (name, new GifEncoder()),
            "bmp" => (name, new BmpEncoder()),
            "webp" => (name, new WebpEncoder { Quality = (int)quality }),
            _ => throw ToolFailureException.InvalidParameters($"parameter 'target_format': expected one of {string.Join(", ", WritableFormats)}, got '{name}'"),
        };
    }
}
