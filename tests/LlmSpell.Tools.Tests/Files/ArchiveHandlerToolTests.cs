using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using LlmSpell.TestUtilities;
using LlmSpell.Tools.Files;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Tests.Files;

public sealed class ArchiveHandlerToolTests : IDisposable
{
    private readonly TempDirectory _dir = new("archive");
    private readonly ToolServices _services = ToolTestServices.Create();

    public void Dispose() => _dir.Dispose();

    private Task<LlmSpell.Components.ComponentOutput> Run(JsonObject p) => FileToolHarness.Run(new ArchiveHandlerTool(_services), _services, p);

    private Task<ToolFailureException> Fails(JsonObject p) => FileToolHarness.Fails(new ArchiveHandlerTool(_services), _services, p);

    [Theory]
    [InlineData("out.zip")]
    [InlineData("out.tar")]
    [InlineData("out.tar.gz")]
    [InlineData("out.tgz")]
    public async Task CreateListExtract_RoundTrips(string name)
    {
        _dir.Write("src/a.txt", "alpha");
        _dir.Write("src/sub/b.txt", "bravo!");
        var archive = _dir.File(name);
        var created = await Run(new() { ["operation"] = "create", ["path"] = archive, ["input"] = new JsonArray(_dir.File("src")) });
        Assert.Equal("Created archive with 2 files (11 bytes)", created.Value!["message"]!.GetValue<string>());
        var list = FileToolHarness.Result(await Run(new() { ["operation"] = "list", ["archive_path"] = archive }));
        Assert.Equal(2, list["file_count"]!.GetValue<int>());
        var target = _dir.File("out");
        var extracted = await Run(new() { ["operation"] = "extract", ["path"] = archive, ["target_path"] = target });
        Assert.Equal($"Extracted 2 files (11 bytes) to {target}", extracted.Value!["message"]!.GetValue<string>());
        Assert.Equal("bravo!", File.ReadAllText(Path.Combine(target, "src/sub/b.txt")));
    }

    [Fact]
    public async Task Gz_SingleFile()
    {
        var file = _dir.Write("doc.txt", "hello gz");
        var archive = _dir.File("doc.txt.gz");
        await Run(new() { ["operation"] = "create", ["path"] = archive, ["files"] = new JsonArray(file) });
        var target = _dir.File("x");
        await Run(new() { ["operation"] = "extract", ["path"] = archive, ["target_path"] = target });
        Assert.Equal("hello gz", File.ReadAllText(Path.Combine(target, "doc.txt")));
        var two = await Fails(new() { ["operation"] = "create", ["path"] = _dir.File("two.gz"), ["input"] = new JsonArray(file, file) });
        Assert.Equal(ToolFailureKind.InvalidParameters, two.Kind);
    }

    private string ZipWith(params (string Name, string Content)[] entries)
    {
        var path = _dir.File($"crafted-{Guid.NewGuid():N}.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            using var w = new StreamWriter(zip.CreateEntry(name).Open());
            w.Write(content);
        }

        return path;
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("a/../../evil.txt")]
    [InlineData("/etc/evil.txt")]
    public async Task Extract_TraversalEntry_RejectedAndNothingWritten(string entry)
    {
        var zip = ZipWith(("good.txt", "ok"), (entry, "bad"));
        var target = _dir.File("t");
        var ex = await Fails(new() { ["operation"] = "extract", ["path"] = zip, ["target_path"] = target });
        Assert.Equal(ToolFailureKind.SecurityViolation, ex.Kind);
        Assert.Contains("unsafe path", ex.Message);
        Assert.False(File.Exists(Path.Combine(target, "good.txt")));
        Assert.False(File.Exists(_dir.File("evil.txt")));
    }

    [Fact]
    public async Task Extract_HighRatio_RejectedAsZipBomb()
    {
        var zip = ZipWith(("zeros.txt", new string('0', 2_000_000)));
        var ex = await Fails(new() { ["operation"] = "extract", ["path"] = zip, ["target_path"] = _dir.File("bomb") });
        Assert.Contains("compression ratio above 100", ex.Message);
        Assert.False(Directory.Exists(_dir.File("bomb")));
    }

    [Fact]
    public async Task Extract_BlockedExtension_Refused()
    {
        var zip = ZipWith(("tool.exe", "MZ"));
        var ex = await Fails(new() { ["operation"] = "extract", ["path"] = zip, ["target_path"] = _dir.File("e") });
        Assert.Equal("writing files with extension '.exe' is not allowed", ex.Message);
    }

    [Fact]
    public async Task Extract_ExistingFileWithoutOverwrite_RaisesAndKeepsFile()
    {
        var zip = ZipWith(("a.txt", "new"));
        var target = _dir.File("o");
        _dir.Write("o/a.txt", "old");
        var ex = await Fails(new() { ["operation"] = "extract", ["path"] = zip, ["target_path"] = target });
        Assert.Contains("already exists", ex.Message);
        Assert.Equal("old", File.ReadAllText(Path.Combine(target, "a.txt")));
        await Run(new() { ["operation"] = "extract", ["path"] = zip, ["target_path"] = target, ["overwrite"] = true });
        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "a.txt")));
    }

    [Fact]
    public async Task Sandbox_TargetOutsideAndArchiveOutside_Refused()
    {
        var zip = ZipWith(("a.txt", "x"));
        Assert.Equal(ToolFailureKind.SecurityViolation, (await Fails(new() { ["operation"] = "extract", ["path"] = zip, ["target_path"] = "/etc/x" })).Kind);
        Assert.Equal(ToolFailureKind.SecurityViolation, (await Fails(new() { ["operation"] = "list", ["path"] = "/tmpfoo/a.zip" })).Kind);
        Assert.Equal(ToolFailureKind.SecurityViolation, (await Fails(new() { ["operation"] = "create", ["path"] = _dir.File("c.zip"), ["input"] = new JsonArray("/etc/passwd") })).Kind);
        Assert.False(File.Exists(_dir.File("c.zip")));
    }

    [Fact]
    public async Task BadInput_Raises()
    {
        Assert.Equal("missing required parameter 'path'", (await Fails(new() { ["operation"] = "list" })).Message);
        Assert.Equal(ToolFailureKind.InvalidParameters, (await Fails(new() { ["operation"] = "list", ["path"] = _dir.File("x.rar") })).Kind);
        Assert.Equal(ToolFailureKind.InvalidParameters, (await Fails(new() { ["operation"] = "shred", ["path"] = _dir.File("x.zip") })).Kind);
        var notZip = _dir.Write("fake.zip", "not a zip");
        Assert.StartsWith($"'{notZip}' is not a valid zip archive", (await Fails(new() { ["operation"] = "list", ["path"] = notZip })).Message);
        Assert.Equal("file not found: " + _dir.File("none.zip"), (await Fails(new() { ["operation"] = "list", ["path"] = _dir.File("none.zip") })).Message);
    }

    [Fact]
    public async Task Extract_TarSymlinkEntry_NotCreated()
    {
        var tar = _dir.File("links.tar");
        using (var stream = File.Create(tar))
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "passwd") { LinkName = "/etc/passwd" });
            var file = new PaxTarEntry(TarEntryType.RegularFile, "ok.txt") { DataStream = new MemoryStream("fine"u8.ToArray()) };
            writer.WriteEntry(file);
        }

        var target = _dir.File("lt");
        var r = FileToolHarness.Result(await Run(new() { ["operation"] = "extract", ["path"] = tar, ["target_path"] = target }));
        Assert.Equal(1, r["file_count"]!.GetValue<int>());
        Assert.False(File.Exists(Path.Combine(target, "passwd")));
        Assert.Null(new FileInfo(Path.Combine(target, "passwd")).LinkTarget);
        Assert.Equal("fine", File.ReadAllText(Path.Combine(target, "ok.txt")));
    }
}
