using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Utility;

/// <summary>hash_calculator (tools.md §5.6).</summary>
internal sealed class HashCalculatorTool(ToolServices services) : ITool
{
    public const long MaxFileBytes = 100L * 1024 * 1024;

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "hash_calculator",
        Description = "Calculates and verifies MD5 and SHA hashes of text or files",
        Category = "utility",
        SecurityLevel = "restricted",
        Parameters =
        [
            new("operation", "string", "hash or verify (verify when expected_hash is given)", Enum: ["hash", "verify"]),
            new("algorithm", "string", "Hash algorithm", Default: "sha256", Enum: ["md5", "sha1", "sha256", "sha384", "sha512"]),
            new("input", "string", "Data to hash (UTF-8), or a path when input_type is file"),
            new("input_type", "string", "string or file", Default: "string", Enum: ["string", "file"]),
            new("file", "string", "Hash this file (sandboxed, up to 100 MB)"),
            new("format", "string", "Output encoding", Default: "hex", Enum: ["hex", "base64"]),
            new("expected_hash", "string", "Hash to verify against"),
            new("expected_format", "string", "Encoding of expected_hash", Default: "hex", Enum: ["hex", "base64"]),
        ],
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var expected = request.String("expected_hash");
        var op = request.Operation ?? (expected is null ? "hash" : "verify");
        var algorithm = request.String("algorithm")!;
        var display = algorithm switch
        {
            "md5" => "MD5",
            "sha1" => "SHA-1",
            "sha256" => "SHA-256",
            "sha384" => "SHA-384",
            _ => "SHA-512",
        };
        var data = await ReadInput(request, cancellationToken).ConfigureAwait(false);
        var digest = algorithm switch
        {
            "md5" => MD5.HashData(data),
            "sha1" => SHA1.HashData(data),
            "sha256" => SHA256.HashData(data),
            "sha384" => SHA384.HashData(data),
            _ => SHA512.HashData(data),
        };

        if (op == "hash")
        {
            var format = request.String("format")!;
            var hash = format == "base64" ? Convert.ToBase64String(digest) : Convert.ToHexStringLower(digest);
            return Envelope.Success("hash", $"Calculated {display} hash", new JsonObject { ["algorithm"] = display, ["hash"] = hash, ["format"] = format });
        }

        if (expected is null)
        {
            throw ToolFailureException.InvalidParameters("missing required parameter 'expected_hash'");
        }

        var expectedFormat = request.String("expected_format")!;
        var actual = expectedFormat == "base64" ? Convert.ToBase64String(digest) : Convert.ToHexStringLower(digest);
        var verified = expectedFormat == "base64"
            ? string.Equals(actual, expected.Trim(), StringComparison.Ordinal)
            : string.Equals(actual, expected.Trim(), StringComparison.OrdinalIgnoreCase);
        var result = new JsonObject { ["verified"] = verified, ["algorithm"] = display };
        if (!verified)
        {
            result["expected"] = expected;
            result["actual"] = actual;
        }

        return Envelope.Success("verify", verified ? "Hash verification succeeded" : "Hash verification failed", result);
    }

    private async Task<byte[]> ReadInput(ToolRequest request, CancellationToken cancellationToken)
    {
        var file = request.String("file");
        if (file is null && request.String("input_type") == "file")
        {
            file = request.String("input") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'input'");
        }

        if (file is null)
        {
            var input = request.String("input") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'input'");
            return Encoding.UTF8.GetBytes(input);
        }

        var path = services.AdmitPath(file);
        if (!File.Exists(path))
        {
            throw ToolFailureException.Failed($"file not found: {file}", "not_found");
        }

        services.CheckFileSize(path, MaxFileBytes);
        return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
    }
}
