using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Processing;

namespace LlmSpell.Tools.Sys.Media;

/// <summary>image_processor (tools.md §5.27) on SixLabors.ImageSharp 2.1 (Apache-2.0).</summary>
internal sealed class ImageProcessorTool(ToolServices services) : ITool
{
    private static readonly string[] Operations = ["detect", "metadata", "resize", "thumbnail", "crop", "rotate", "flip", "convert"];

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "image_processor",
        Description = "Detect, inspect and transform images (resize, thumbnail, crop, rotate, flip, convert)",
        Category = "media",
        Parameters =
        [
            Param.Enum("operation", "what to do", Operations, def: "metadata"),
            Param.Str("file_path", "input image (sandboxed)", required: true, aliases: ["source_path"]),
            Param.Str("target_path", "output for transforming operations (sandboxed)"),
            Param.Int("width", "resize/crop width"),
            Param.Int("height", "resize/crop height"),
            Param.Bool("maintain_aspect_ratio", "resize keeps the aspect ratio", true),
            Param.Int("max_width", "thumbnail bound", def: 200),
            Param.Int("max_height", "thumbnail bound", def: 200),
            Param.Int("x", "crop left", def: 0),
            Param.Int("y", "crop top", def: 0),
            Param.Num("degrees", "rotation angle", 90),
            Param.Enum("direction", "flip direction", ["horizontal", "vertical"], def: "horizontal"),
            Param.Enum("target_format", "output encoding (default: from target_path)", ImageCodecs.WritableFormats),
            Param.Int("quality", "jpeg/webp quality 1-100", def: 85),
        ],
    };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var op = SysText.Operation(request, Operations, "metadata");
        var given = request.String("file_path") ?? request.String("source_path") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'file_path'");
        var path = MediaFiles.AdmitInput(services, given);
        if (op == "detect")
        {
            var detected = Detect(path);
            var result = new JsonObject
            {
                ["file_path"] = given,
                ["format"] = detected?.Name.ToLowerInvariant() ?? "unknown",
                ["mime_type"] = detected?.DefaultMimeType ?? "application/octet-stream",
                ["supported"] = detected is not null,
            };
            return Task.FromResult(Envelope.Success(op, $"Detected image format {result["format"]}", result));
        }

        var info = Identify(path, given);
        if (op == "metadata")
        {
            using var image = Load(path, given, out var format);
            var result = ImageDescription.Describe(given, image, format, new FileInfo(path).Length);
            return Task.FromResult(Envelope.Success(op, $"Image {info.Width}x{info.Height} {result["format"]}", result));
        }

        var targetGiven = request.String("target_path") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'target_path'");
        var target = services.AdmitWritePath(targetGiven);
        var encoder = ImageCodecs.Encoder(request.String("target_format"), target, SysText.OptInt(request, "quality") ?? 85);
        using (var image = Load(path, given, out _))
        {
            ImageTransforms.Apply(op, image, request);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            image.Save(target, encoder.Encoder);
            var output = new JsonObject
            {
                ["source_path"] = given,
                ["target_path"] = targetGiven,
                ["width"] = image.Width,
                ["height"] = image.Height,
                ["format"] = encoder.Name,
                ["file_size"] = new FileInfo(target).Length,
            };
            return Task.FromResult(Envelope.Success(op, $"Image written to {targetGiven} ({image.Width}x{image.Height} {encoder.Name})", output));
        }
    }

    private static IImageFormat? Detect(string path)
    {
        try
        {
            return Image.DetectFormat(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ToolFailureException.Failed($"cannot read file '{path}': {ex.Message}");
        }
    }

    private IImageInfo Identify(string path, string given)
    {
        IImageInfo? info;
        try
        {
            info = Image.Identify(path);
        }
        catch (Exception ex) when (ex is ImageFormatException or IOException or UnauthorizedAccessException)
        {
            throw ToolFailureException.Failed($"cannot read image '{given}': {ex.Message}");
        }

        if (info is null)
        {
            throw ToolFailureException.Failed($"'{given}' is not an image in a supported format (png, jpeg, gif, bmp, webp, tiff)", "unsupported");
        }

        var max = services.Config.GetInt("tools.media.image_max_dimensions", 10_000);
        return info.Width > max || info.Height > max
            ? throw ToolFailureException.Failed($"image '{given}' is {info.Width}x{info.Height}, exceeding the limit of {max}x{max} (tools.media.image_max_dimensions)")
            : info;
    }

    private static Image Load(string path, string given, out IImageFormat format)
    {
        try
        {
            return Image.Load(path, out format);
        }
        catch (Exception ex) when (ex is ImageFormatException or UnknownImageFormatException or IOException or InvalidImageContentException)
        {
            throw ToolFailureException.Failed($"cannot read image '{given}': {ex.Message}");
        }
    }
}
