using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Files;

/// <summary>file_converter (tools.md §5.18): encodings (with BOM detection), line endings, indentation.</summary>
internal sealed class FileConverterTool(ToolServices services) : ITool
{
    private const long MaxInput = 50_000_000;
    private static readonly string[] EncodingNames = ["utf8", "utf16le", "utf16be", "windows1252", "iso88591", "ascii"];

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "file_converter",
        Description = "Convert a file's text encoding, line endings or indentation",
        Category = "filesystem",
        SecurityLevel = "restricted",
        Parameters =
        [
            new("operation", "string", "encoding, line_endings or indentation", Required: true, Enum: ["encoding", "line_endings", "indentation"]),
            new("path", "string", "Input file (sandboxed, ≤ 50 MB)", Required: true),
            new("target_path", "string", "Output file (default: overwrite the input after writing <path>.bak)"),
            new("from_encoding", "string", "Detected when absent", Enum: EncodingNames),
            new("to_encoding", "string", "Target encoding (operation encoding)", Enum: EncodingNames),
            new("line_ending", "string", "lf, crlf or cr (operation line_endings)", Enum: ["lf", "crlf", "cr"]),
            new("convert_to_spaces", "boolean", "indentation: tabs to spaces (true) or spaces to tabs", Default: true),
            new("tab_size", "integer", "Spaces per tab", Default: 4L),
        ],
    };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var op = request.Operation ?? throw ToolFailureException.InvalidParameters("missing required parameter 'operation'");
        if (op is not ("encoding" or "line_endings" or "indentation"))
        {
            throw ToolFailureException.InvalidParameters($"parameter 'operation': expected one of encoding, line_endings, indentation, got '{op}'");
        }

        var path = request.RequireString("path");
        var full = services.AdmitPath(path);
        if (!File.Exists(full))
        {
            throw ToolFailureException.Failed($"file not found: {path}", "not_found");
        }

        services.CheckFileSize(full, MaxInput);
        var bytes = File.ReadAllBytes(full);
        var fromName = request.String("from_encoding")?.ToLowerInvariant() ?? Detect(bytes);
        var from = Resolve(fromName, "from_encoding");
        var text = from.GetString(bytes, Preamble(bytes, fromName), bytes.Length - Preamble(bytes, fromName));
        var toName = fromName;
        switch (op)
        {
            case "encoding":
                toName = request.String("to_encoding")?.ToLowerInvariant() ?? throw ToolFailureException.InvalidParameters("missing required parameter 'to_encoding'");
                break;
            case "line_endings":
                var ending = request.String("line_ending")?.ToLowerInvariant() switch
                {
                    "lf" => "\n",
                    "crlf" => "\r\n",
                    "cr" => "\r",
                    null => throw ToolFailureException.InvalidParameters("missing required parameter 'line_ending'"),
                    var other => throw ToolFailureException.InvalidParameters($"parameter 'line_ending': expected one of lf, crlf, cr, got '{other}'"),
                };
                text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace("\n", ending, StringComparison.Ordinal);
                break;
            default:
                text = Reindent(text, request.Flag("convert_to_spaces", true), (int)Math.Clamp(request.Integer("tab_size") ?? 4, 1, 16));
                break;
        }

        var to = Resolve(toName, "to_encoding");
        var output = to.GetBytes(text);
        var target = request.String("target_path");
        var result = new JsonObject { ["input_path"] = path, ["output_path"] = target ?? path, ["operation"] = op };
        if (target is null)
        {
            var backup = path + ".bak";
            SafeFileWriter.Write(services, backup, bytes);
            result["backup_path"] = backup;
            SafeFileWriter.Write(services, path, output);
        }
        else
        {
            SafeFileWriter.Write(services, target, output);
        }

        if (op == "encoding")
        {
            result["from_encoding"] = fromName;
            result["to_encoding"] = toName;
        }

        return Task.FromResult(Envelope.Success(op, "File conversion completed successfully", result));
    }

    /// <summary>BOM first; then strict UTF-8; then windows-1252.</summary>
    internal static string Detect(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return "utf16le";
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return "utf16be";
        }

        try
        {
            _ = new UTF8Encoding(false, true).GetString(bytes);
            return bytes.All(b => b < 0x80) ? "ascii" : "utf8";
        }
        catch (DecoderFallbackException)
        {
            return "windows1252";
        }
    }

    private static int Preamble(byte[] bytes, string encoding) => encoding switch
    {
        "utf8" when bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF => 3,
        "utf16le" when bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE => 2,
        "utf16be" when bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF => 2,
        _ => 0,
    };

    private static Encoding Resolve(string name, string parameter) => name.Replace("-", "", StringComparison.Ordinal) switch
    {
        "utf8" => new UTF8Encoding(false),
        "utf16le" => new UnicodeEncoding(false, false),
        "utf16be" => new UnicodeEncoding(true, false),
        "windows1252" => Latin1Or1252(),
        "iso88591" or "latin1" => Encoding.Latin1,
        "ascii" => Encoding.ASCII,
        _ => throw ToolFailureException.InvalidParameters($"parameter '{parameter}': expected one of {string.Join(", ", EncodingNames)}, got '{name}'"),
    };

    /// <summary>windows-1252 comes from the code-pages provider (not registered globally, to avoid side effects on other components).</summary>
    private static Encoding Latin1Or1252() => CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    private static string Reindent(string text, bool toSpaces, int tabSize)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var end = 0;
            while (end < line.Length && line[end] is ' ' or '\t')
            {
                end++;
            }

            var width = 0;
            foreach (var c in line[..end])
            {
                width = c == '\t' ? (width / tabSize + 1) * tabSize : width + 1;
            }

            var indent = toSpaces ? new string(' ', width) : new string('\t', width / tabSize) + new string(' ', width % tabSize);
            lines[i] = indent + line[end..];
        }

        return string.Join('\n', lines);
    }
}
