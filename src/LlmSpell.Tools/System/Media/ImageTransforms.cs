using LlmSpell.Tools.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>The transforming operations of image_processor.</summary>
internal static class ImageTransforms
{
    public static void Apply(string op, Image image, ToolRequest request)
    {
        switch (op)
        {
            case "resize":
                {
                    var width = Positive(request, "width");
                    var height = Positive(request, "height");
                    if (width is null && height is null)
                    {
                        throw ToolFailureException.InvalidParameters("resize needs 'width' or 'height'");
                    }

                    var keep = request.Flag("maintain_aspect_ratio", true);
                    if (keep || width is null || height is null)
                    {
                        image.Mutate(x => x.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(width ?? int.MaxValue / 4, height ?? int.MaxValue / 4) }));
                    }
                    else
                    {
                        image.Mutate(x => x.Resize(width.Value, height.Value));
                    }

                    break;
                }

            case "thumbnail":
                {
                    var maxW = Positive(request, "max_width") ?? 200;
                    var maxH = Positive(request, "max_height") ?? 200;
                    if (image.Width > maxW || image.Height > maxH)
                    {
                        image.Mutate(x => x.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(maxW, maxH) }));
                    }

                    break;
                }

            case "crop":
                {
                    var x0 = (int)(SysText.OptInt(request, "x") ?? 0);
                    var y0 = (int)(SysText.OptInt(request, "y") ?? 0);
                    var w = Positive(request, "width") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'width'");
                    var h = Positive(request, "height") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'height'");
                    if (x0 < 0 || y0 < 0 || x0 + w > image.Width || y0 + h > image.Height)
                    {
                        throw ToolFailureException.InvalidParameters($"crop rectangle {x0},{y0} {w}x{h} is outside the {image.Width}x{image.Height} image");
                    }

                    image.Mutate(x => x.Crop(new Rectangle(x0, y0, w, h)));
                    break;
                }

            case "rotate":
                {
                    var degrees = (float)(request.Number("degrees") ?? 90);
                    image.Mutate(x => x.Rotate(degrees));
                    break;
                }

            case "flip":
                {
                    var direction = (request.String("direction") ?? "horizontal").Trim().ToLowerInvariant();
                    var mode = direction switch
                    {
                        "horizontal" => FlipMode.Horizontal,
                        "vertical" => FlipMode.Vertical,
                        _ => throw ToolFailureException.InvalidParameters($"parameter 'direction': expected one of horizontal, vertical, got '{direction}'"),
                    };
                    image.Mutate(x => x.Flip(mode));
                    break;
                }

            default:
                // convert: re-encode only.
                break;
        }
    }

    private static int? Positive(ToolRequest request, string name)
    {
        var value = SysText.OptInt(request, name);
        return value switch
        {
            null => null,
            > 0 and <= 100_000 => (int)value,
            _ => throw ToolFailureException.InvalidParameters($"parameter '{name}': must be a positive integer"),
        };
    }
}
