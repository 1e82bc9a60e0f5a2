using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Utility;

/// <summary>base64_encoder (tools.md §5.1).</summary>
internal sealed class Base64EncoderTool(ToolServices services) : ITool
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "base64_encoder",
        Description = "Encodes text or bytes to Base64 and decodes Base64 (standard or URL-safe alphabet)",
        Category = "utility",
        Parameters =
        [
            new("operation", "string", "encode or decode", Default: "encode", Enum: ["encode", "decode"]),
            new("input", "string", "Text to encode, or Base64 to decode"),
            new("input_file", "string", "Read the input from this file (sandboxed)"),
            new("output_file", "string", "Write the output to this file instead of returning it (sandboxed)"),
            new("variant", "string", "standard or url_safe (URL-safe alphabet without padding)", Default: "standard", Enum: ["standard", "url_safe"]),
            new("binary_input", "boolean", "encode: input is hex; the bytes it denotes are encoded", Default: false),
        ],
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var op = request.Operation!;
        var variant = request.String("variant")!;
        var binary = request.Flag("binary_input");
        byte[] source;
        if (request.String("input_file") is { } inputFile)
        {
            var path = services.AdmitPath(inputFile);
            source = File.Exists(path)
                ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)
                : throw ToolFailureException.Failed($"input file not found: {inputFile}", "not_found");
        }
        else
        {
            var input = request.String("input") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'input'");
            source = op == "encode" && binary ? FromHex(input) : Encoding.UTF8.GetBytes(input);
        }

        byte[] output;
        string outputText;
        var binaryOut = op == "encode" && binary;
        if (op == "encode")
        {
            outputText = variant == "url_safe" ? Convert.ToBase64String(source).TrimEnd('=').Replace('+', '-').Replace('/', '_') : Convert.ToBase64String(source);
            output = Encoding.UTF8.GetBytes(outputText);
        }
        else
        {
            output = Decode(Encoding.UTF8.GetString(source));
            try
            {
                outputText = StrictUtf8.GetString(output);
            }
            catch (DecoderFallbackException)
            {
                outputText = Convert.ToHexStringLower(output);
                binaryOut = true;
            }
        }

        var message = $"Base64 {op} completed";
        if (request.String("output_file") is { } outputFile)
        {
            var path = services.AdmitWritePath(outputFile);
            await File.WriteAllBytesAsync(path, output, cancellationToken).ConfigureAwait(false);
            return Envelope.Success(op, message, new JsonObject { ["output_file"] = path, ["bytes_written"] = output.Length, ["variant"] = variant });
        }

        return Envelope.Success(op, message, new JsonObject { ["output"] = outputText, ["variant"] = variant, ["binary"] = binaryOut });
    }

    /// <summary>Decodes either alphabet, with or without padding, ignoring whitespace.</summary>
    private static byte[] Decode(string text)
    {
        var sb = new StringBuilder(text.Length + 3);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c switch { '-' => '+', '_' => '/', _ => c });
            }
        }

        var s = sb.ToString().TrimEnd('=');
        if (s.Length % 4 == 1)
        {
            throw ToolFailureException.Failed($"invalid base64 input: length {s.Length} is not a valid Base64 length", "invalid_parameter");
        }

        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(s);
        }
        catch (FormatException)
        {
            var bad = s.FirstOrDefault(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='));
            throw ToolFailureException.Failed(bad == default ? "invalid base64 input: malformed padding" : $"invalid base64 input: invalid character '{bad}'", "invalid_parameter");
        }
    }

    private static byte[] FromHex(string hex)
    {
        try
        {
            return Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
        }
        catch (FormatException)
        {
            throw ToolFailureException.InvalidParameters("parameter 'input': binary_input requires hexadecimal text");
        }
    }
}
