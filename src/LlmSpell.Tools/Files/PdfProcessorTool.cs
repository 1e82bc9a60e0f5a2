using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace LlmSpell.Tools.Files;

/// <summary>pdf_processor (tools.md §5.15) with PdfPig.</summary>
internal sealed class PdfProcessorTool(ToolServices services) : ITool
{
    private const int MaxTextLength = 1_000_000;

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "pdf_processor",
        Description = "Extract text, metadata or per-page text from PDF files",
        Category = "data",
        SecurityLevel = "restricted",
        Parameters =
        [
            new("operation", "string", "extract_text, extract_metadata or extract_pages", Default: "extract_text", Enum: ["extract_text", "extract_metadata", "extract_pages"]),
            new("input", "string", "PDF file (sandboxed)", Required: true, Aliases: ["path", "file_path"]),
            new("start_page", "integer", "First page (1-based)", Default: 1L),
            new("end_page", "integer", "Last page (inclusive; default: last)"),
            new("password", "string", "Password of an encrypted file"),
        ],
    };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var op = request.Operation ?? "extract_text";
        if (op is not ("extract_text" or "extract_metadata" or "extract_pages"))
        {
            throw ToolFailureException.InvalidParameters($"parameter 'operation': expected one of extract_text, extract_metadata, extract_pages, got '{op}'");
        }

        var input = request.String("input") ?? request.String("path") ?? request.String("file_path") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'input'");
        var full = services.AdmitPath(input);
        if (!File.Exists(full))
        {
            throw ToolFailureException.Failed($"file not found: {input}", "not_found");
        }

        services.CheckFileSize(full, services.Config.GetInt("tools.document.max_pdf_size", 50_000_000));
        var bytes = File.ReadAllBytes(full);
        if (bytes.Length < 5 || Encoding.ASCII.GetString(bytes, 0, 5) != "%PDF-")
        {
            throw ToolFailureException.Failed($"'{input}' is not a PDF file");
        }

        using var document = Open(bytes, request.String("password"), input);
        var pageCount = document.NumberOfPages;
        var maxPages = services.Config.GetInt("tools.document.max_pages", 1000);
        if (op == "extract_metadata")
        {
            return Task.FromResult(Envelope.Success(op, $"Extracted metadata ({pageCount} pages)", Metadata(document, input, bytes.Length)));
        }

        var start = (int)(request.Integer("start_page") ?? 1);
        var end = (int)(request.Integer("end_page") ?? pageCount);
        if (start < 1 || end < start || end > pageCount)
        {
            throw ToolFailureException.Failed($"page range {start}-{end} is outside the document (1-{pageCount})");
        }

        if (end - start + 1 > maxPages)
        {
            throw ToolFailureException.Failed($"page range has {end - start + 1} pages, exceeding the limit of {maxPages}");
        }

        var pages = new List<(int Page, string Text)>();
        for (var p = start; p <= end; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pages.Add((p, document.GetPage(p).Text));
        }

        if (op == "extract_pages")
        {
            var array = new JsonArray([.. pages.Select(p => (JsonNode?)new JsonObject { ["page"] = p.Page, ["text"] = p.Text })]);
            var result = new JsonObject { ["file_path"] = input, ["start_page"] = start, ["end_page"] = end, ["pages"] = array };
            return Task.FromResult(Envelope.Success(op, $"Extracted {pages.Count} pages", result));
        }

        var text = string.Join("\n\n", pages.Select(p => p.Text));
        var truncated = text.Length > MaxTextLength;
        if (truncated)
        {
            text = text[..MaxTextLength];
        }

        var textResult = new JsonObject
        {
            ["file_path"] = input,
            ["text"] = text,
            ["page_count"] = pageCount,
            ["pages_extracted"] = pages.Count,
            ["length"] = text.Length,
            ["truncated"] = truncated,
        };
        return Task.FromResult(Envelope.Success(op, $"Extracted text from {pages.Count} pages", textResult));
    }

    private static PdfDocument Open(byte[] bytes, string? password, string input)
    {
        try
        {
            return password is null ? PdfDocument.Open(bytes) : PdfDocument.Open(bytes, new ParsingOptions { Password = password });
        }
        catch (PdfDocumentEncryptedException)
        {
            throw ToolFailureException.Failed(password is null ? $"'{input}' is encrypted; give the password" : $"wrong password for '{input}'");
        }
        catch (Exception ex) when (ex is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IOException)
        {
            throw ToolFailureException.Failed($"'{input}' is not a readable PDF: {ex.Message}");
        }
    }

    private static JsonObject Metadata(PdfDocument document, string input, long size)
    {
        var info = document.Information;
        var result = new JsonObject
        {
            ["file_path"] = input,
            ["file_size"] = size,
            ["page_count"] = document.NumberOfPages,
            ["pdf_version"] = document.Version.ToString("0.0", CultureInfo.InvariantCulture),
            ["encrypted"] = document.IsEncrypted,
        };
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                result[key] = value;
            }
        }

        Add("title", info.Title);
        Add("author", info.Author);
        Add("subject", info.Subject);
        Add("keywords", info.Keywords);
        Add("creator", info.Creator);
        Add("producer", info.Producer);
        Add("creation_date", info.CreationDate);
        Add("modification_date", info.ModifiedDate);
        return result;
    }
}
