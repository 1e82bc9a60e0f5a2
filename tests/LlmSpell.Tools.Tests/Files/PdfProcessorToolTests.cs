using System.Text.Json.Nodes;
using LlmSpell.TestUtilities;
using LlmSpell.Tools.Files;
using LlmSpell.Tools.Infrastructure;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace LlmSpell.Tools.Tests.Files;

public sealed class PdfProcessorToolTests : IDisposable
{
    private readonly TempDirectory _dir = new("pdf");
    private readonly ToolServices _services = ToolTestServices.Create();

    public void Dispose() => _dir.Dispose();

    private string MakePdf(params string[] pages)
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = "Test Doc";
        builder.DocumentInformation.Author = "LLMSpell";
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pages)
        {
            var page = builder.AddPage(595, 842);
            page.AddText(text, 12, new PdfPoint(50, 700), font);
        }

        var path = _dir.File($"doc-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, builder.Build());
        return path;
    }

    private async Task<JsonObject> Result(JsonObject p) => FileToolHarness.Result(await FileToolHarness.Run(new PdfProcessorTool(_services), _services, p));

    [Fact]
    public async Task ExtractText_AllPagesJoinedByBlankLine()
    {
        var pdf = MakePdf("First page", "Second page");
        var r = await Result(new() { ["input"] = pdf });
        Assert.Equal("First page\n\nSecond page", r["text"]!.GetValue<string>());
        Assert.Equal(2, r["page_count"]!.GetValue<int>());
        Assert.Equal(2, r["pages_extracted"]!.GetValue<int>());
        Assert.False(r["truncated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ExtractPages_Range()
    {
        var pdf = MakePdf("A", "B", "C");
        var r = await Result(new() { ["operation"] = "extract_pages", ["path"] = pdf, ["start_page"] = 2, ["end_page"] = 3 });
        Assert.Equal("[{\"page\":2,\"text\":\"B\"},{\"page\":3,\"text\":\"C\"}]", r["pages"]!.ToJsonString());
    }

    [Fact]
    public async Task ExtractMetadata_TitleAndAuthor()
    {
        var pdf = MakePdf("x");
        var r = await Result(new() { ["operation"] = "extract_metadata", ["file_path"] = pdf });
        Assert.Equal("Test Doc", r["title"]!.GetValue<string>());
        Assert.Equal("LLMSpell", r["author"]!.GetValue<string>());
        Assert.False(r["encrypted"]!.GetValue<bool>());
        Assert.Equal(new FileInfo(pdf).Length, r["file_size"]!.GetValue<long>());
    }

    [Fact]
    public async Task BadInput_Raises()
    {
        var tool = new PdfProcessorTool(_services);
        var pdf = MakePdf("only");
        Assert.Equal("page range 2-1 is outside the document (1-1)", (await FileToolHarness.Fails(tool, _services, new() { ["input"] = pdf, ["start_page"] = 2 })).Message);
        Assert.Equal("page range 1-5 is outside the document (1-1)", (await FileToolHarness.Fails(tool, _services, new() { ["input"] = pdf, ["end_page"] = 5 })).Message);
        var fake = _dir.Write("fake.pdf", "hello");
        Assert.Equal($"'{fake}' is not a PDF file", (await FileToolHarness.Fails(tool, _services, new() { ["input"] = fake })).Message);
        Assert.Equal("missing required parameter 'input'", (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "extract_text" })).Message);
        Assert.Equal(ToolFailureKind.SecurityViolation, (await FileToolHarness.Fails(tool, _services, new() { ["input"] = "/etc/passwd" })).Kind);
        var small = ToolTestServices.Create("[tools.document]\nmax_pdf_size = 10\n");
        var big = await FileToolHarness.Fails(new PdfProcessorTool(small), small, new() { ["input"] = pdf });
        Assert.Contains("exceeding the limit of 10", big.Message);
    }
}
