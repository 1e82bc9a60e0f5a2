using System.Text.Json.Nodes;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>Builds the metadata result of image_processor from a decoded image.</summary>
internal static class ImageDescription
{
    public static JsonObject Describe(string given, Image image, IImageFormat format, long fileSize)
    {
        var bpp = image.PixelType.BitsPerPixel;
        var (mode, channels) = ColorMode(image, format, bpp);
        var result = new JsonObject
        {
            ["file_path"] = given,
            ["format"] = format.Name.ToLowerInvariant(),
            ["width"] = image.Width,
            ["height"] = image.Height,
            ["color_mode"] = mode,
            ["bit_depth"] = mode == "indexed" ? bpp : Math.Max(1, bpp / channels),
            ["has_alpha"] = mode is "rgba" or "grayscale_alpha",
            ["frame_count"] = image.Frames.Count,
        };
        if (Dpi(image.Metadata) is { } dpi)
        {
            result["dpi"] = dpi;
        }

        if (image.Metadata.ExifProfile is { Values.Count: > 0 } exif)
        {
            var map = new JsonObject();
            foreach (var value in exif.Values)
            {
                var v = value.GetValue();
                var text = v switch
                {
                    null => null,
                    string s => s,
                    Array a => string.Join(", ", a.Cast<object>()),
                    _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
                };
                if (text is not null)
                {
                    map[value.Tag.ToString()] = text;
                }
            }

            result["exif"] = map;
        }

        result["file_size"] = fileSize;
        return result;
    }

    private static (string Mode, int Channels) ColorMode(Image image, IImageFormat format, int bpp)
    {
        if (format.Name.Equals("PNG", StringComparison.OrdinalIgnoreCase) && image.Metadata.GetPngMetadata().ColorType is { } png)
        {
            return png switch
            {
                PngColorType.Grayscale => ("grayscale", 1),
                PngColorType.GrayscaleWithAlpha => ("grayscale_alpha", 2),
                PngColorType.Palette => ("indexed", 1),
                PngColorType.RgbWithAlpha => ("rgba", 4),
                _ => ("rgb", 3),
            };
        }

        return bpp switch
        {
            <= 8 => ("grayscale", 1),
            16 => ("grayscale_alpha", 2),
            32 or 64 => ("rgba", 4),
            _ => ("rgb", 3),
        };
    }

    private static double? Dpi(SixLabors.ImageSharp.Metadata.ImageMetadata metadata)
    {
        var h = metadata.HorizontalResolution;
        if (h <= 0)
        {
            return null;
        }

        return metadata.ResolutionUnits switch
        {
            PixelResolutionUnit.PixelsPerInch => SysText.Round(h),
            PixelResolutionUnit.PixelsPerCentimeter => SysText.Round(h * 2.54),
            PixelResolutionUnit.PixelsPerMeter => SysText.Round(h * 0.0254),
            _ => null,
        };
    }
}
