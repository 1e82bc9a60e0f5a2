using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.TestUtilities;
using LlmSpell.Tools.Files;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Tests.Files;

public sealed class FileConverterToolTests : IDisposable
{
    private readonly TempDirectory _dir = new("convert");
    private readonly ToolServices _services = ToolTestServices.Create();

    public void Dispose() => _dir.Dispose();

    private Task<LlmSpell.Components.ComponentOutput> Run(JsonObject p) => FileToolHarness.Run(new FileConverterTool(_services), _services, p);

    [Fact]
    public async Task LineEndings_InPlace_WritesBackup()
    {
        var path = _dir.Write("a.txt", "1\r\n2\n3\r4");
        var o = await Run(new() { ["operation"] = "line_endings", ["path"] = path, ["line_ending"] = "crlf" });
        Assert.Equal("File conversion completed successfully", o.Value!["message"]!.GetValue<string>());
        Assert.Equal("1\r\n2\r\n3\r\n4", File.ReadAllText(path));
        Assert.Equal("1\r\n2\n3\r4", File.ReadAllText(path + ".bak"));
        Assert.Equal(path + ".bak", FileToolHarness.Result(o)["backup_path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Encoding_Utf16LeWithBom_DetectedAndConverted()
    {
        var path = _dir.File("u16.txt");
        File.WriteAllBytes(path, [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("héllo")]);
        var target = _dir.File("u8.txt");
        var o = await Run(new() { ["operation"] = "encoding", ["path"] = path, ["target_path"] = target, ["to_encoding"] = "utf8" });
        var r = FileToolHarness.Result(o);
        Assert.Equal("utf16le", r["from_encoding"]!.GetValue<string>());
        Assert.Equal("héllo"u8.ToArray(), File.ReadAllBytes(target));
        Assert.False(File.Exists(path + ".bak"));
    }

    [Fact]
    public async Task Encoding_Windows1252()
    {
        var path = _dir.File("w.txt");
        File.WriteAllBytes(path, [0x80, 0x41]);
        var target = _dir.File("w8.txt");
        await Run(new() { ["operation"] = "encoding", ["path"] = path, ["target_path"] = target, ["from_encoding"] = "windows1252", ["to_encoding"] = "utf8" });
        Assert.Equal("€A", File.ReadAllText(target));
    }

    [Fact]
    public async Task Indentation_BothDirections()
    {
        var path = _dir.Write("i.py", "\tx\n\t\ty\n  z");
        await Run(new() { ["operation"] = "indentation", ["path"] = path, ["target_path"] = _dir.File("s.py"), ["tab_size"] = 2 });
        Assert.Equal("  x\n    y\n  z", File.ReadAllText(_dir.File("s.py")));
        var spaces = _dir.Write("sp.py", "        a\n    b");
        await Run(new() { ["operation"] = "indentation", ["path"] = spaces, ["target_path"] = _dir.File("t.py"), ["convert_to_spaces"] = false });
        Assert.Equal("\t\ta\n\tb", File.ReadAllText(_dir.File("t.py")));
    }

    [Fact]
    public async Task BadInput_RaisesAndLeavesFilesUntouched()
    {
        var tool = new FileConverterTool(_services);
        var path = _dir.Write("k.txt", "keep");
        Assert.Equal("missing required parameter 'line_ending'", (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "line_endings", ["path"] = path })).Message);
        Assert.Equal(ToolFailureKind.InvalidParameters, (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "rot13", ["path"] = path })).Kind);
        Assert.Equal(ToolFailureKind.SecurityViolation, (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "line_endings", ["path"] = path, ["line_ending"] = "lf", ["target_path"] = "/usr/local/x.txt" })).Kind);
        Assert.Equal(ToolFailureKind.SecurityViolation, (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "line_endings", ["path"] = "/tmp/../etc/passwd", ["line_ending"] = "lf" })).Kind);
        Assert.Equal("file not found: " + _dir.File("nope"), (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "line_endings", ["path"] = _dir.File("nope"), ["line_ending"] = "lf" })).Message);
        Assert.Equal("keep", File.ReadAllText(path));
        Assert.False(File.Exists(path + ".bak"));
    }
}
