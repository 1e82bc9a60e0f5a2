using System.Text.Json.Nodes;
using LlmSpell.TestUtilities;
using LlmSpell.Tools.Files;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Tests.Files;

public sealed class FileSearchToolTests : IDisposable
{
    private readonly TempDirectory _dir = new("search");
    private readonly ToolServices _services = ToolTestServices.Create();

    public void Dispose() => _dir.Dispose();

    private Task<LlmSpell.Components.ComponentOutput> Run(JsonObject p) => FileToolHarness.Run(new FileSearchTool(_services), _services, p);

    [Fact]
    public async Task Search_Recursive_FindsMatchesWithContext()
    {
        _dir.Write("a.txt", "one\ntwo TODO\nthree\nfour");
        _dir.Write("sub/b.md", "TODO first\n");
        _dir.Write("node_modules/c.txt", "TODO hidden\n");
        _dir.Write("d.bin", "TODO wrong extension\n");
        var o = await Run(new() { ["pattern"] = "TODO", ["path"] = _dir.Path, ["recursive"] = true, ["context_lines"] = 1 });
        Assert.Equal("Found 2 matches across 2 files", o.Value!["message"]!.GetValue<string>());
        var matches = (JsonArray)FileToolHarness.Result(o)["matches"]!;
        var first = matches[0]!;
        Assert.Equal(_dir.File("a.txt"), first["file_path"]!.GetValue<string>());
        Assert.Equal(2, first["line_number"]!.GetValue<int>());
        Assert.Equal(5, first["column_number"]!.GetValue<int>());
        Assert.Equal("[\"one\"]", first["context_before"]!.ToJsonString());
        Assert.Equal("[\"three\"]", first["context_after"]!.ToJsonString());
    }

    [Fact]
    public async Task Search_RegexCaseInsensitive_AndNoMatchesMessage()
    {
        _dir.Write("x.log", "Error 42\nerror 7\n");
        var o = await Run(new() { ["pattern"] = "error \\d+", ["path"] = _dir.File("x.log"), ["use_regex"] = true, ["case_sensitive"] = false });
        Assert.Equal(2, FileToolHarness.Result(o)["summary"]!["total_matches"]!.GetValue<int>());
        var none = await Run(new() { ["pattern"] = "zzz", ["path"] = _dir.Path });
        Assert.Equal("No matches found in 1 files searched", none.Value!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_BigFileSkipped_SymlinkOutsideSkipped()
    {
        _dir.Write("big.txt", new string('x', 200) + "needle");
        File.CreateSymbolicLink(_dir.File("passwd.txt"), "/etc/passwd");
        var o = await Run(new() { ["pattern"] = "needle", ["path"] = _dir.Path, ["max_file_size"] = 100 });
        var r = FileToolHarness.Result(o);
        Assert.Equal(0, r["summary"]!["total_matches"]!.GetValue<int>());
        var reasons = ((JsonArray)r["skipped_files"]!).Select(s => s!["reason"]!.GetValue<string>()).ToList();
        Assert.Contains(reasons, s => s.Contains("larger than max_file_size", StringComparison.Ordinal));
        Assert.Contains("outside the allowed paths", reasons);
    }

    [Fact]
    public async Task BadInput_Raises()
    {
        var tool = new FileSearchTool(_services);
        Assert.Equal("parameter 'pattern': must not be empty", (await FileToolHarness.Fails(tool, _services, new() { ["pattern"] = "", ["path"] = _dir.Path })).Message);
        Assert.Equal("missing required parameter 'path'", (await FileToolHarness.Fails(tool, _services, new() { ["pattern"] = "x" })).Message);
        Assert.Equal(ToolFailureKind.InvalidParameters, (await FileToolHarness.Fails(tool, _services, new() { ["pattern"] = "(", ["path"] = _dir.Path, ["use_regex"] = true })).Kind);
        Assert.Equal(ToolFailureKind.SecurityViolation, (await FileToolHarness.Fails(tool, _services, new() { ["pattern"] = "root", ["path"] = "/etc" })).Kind);
        Assert.Equal(ToolFailureKind.InvalidParameters, (await FileToolHarness.Fails(tool, _services, new() { ["pattern"] = "x", ["path"] = _dir.Path, ["context_lines"] = 51 })).Kind);
    }

    [Fact]
    public async Task Search_CatastrophicRegex_FileSkippedAfterTimeout()
    {
        _dir.Write("evil.txt", new string('a', 40) + "!");
        var o = await Run(new() { ["pattern"] = "^(a+)+$", ["path"] = _dir.Path, ["use_regex"] = true });
        var r = FileToolHarness.Result(o);
        Assert.Equal("regex timed out (1 s per file)", r["skipped_files"]![0]!["reason"]!.GetValue<string>());
    }
}
