using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.TestUtilities;
using LlmSpell.Tools.Files;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Tests.Files;

public sealed class FileOperationsToolTests : IDisposable
{
    private readonly TempDirectory _dir = new("fileops");
    private readonly ToolServices _services = ToolTestServices.Create();

    public void Dispose() => _dir.Dispose();

    private Task<ComponentOutput> Run(JsonObject p) => FileToolHarness.Run(new FileOperationsTool(_services), _services, p);

    private static JsonObject Response(ComponentOutput o) => (JsonObject)o.Metadata["response"]!;

    [Fact]
    public async Task Write_TextInput_ReportsBytesAndPathAsPassed()
    {
        var path = _dir.File("my_first_file.txt");
        var o = await Run(new() { ["operation"] = "write", ["path"] = path, ["input"] = "Hello from LLMSpell! This is my first tool usage." });
        Assert.Equal($"Wrote 49 bytes to {path}", o.Text);
        Assert.Equal(OutputKind.Prose, o.Kind);
        Assert.Equal("write", o.Metadata["operation"]!.GetValue<string>());
        Assert.Equal(49, Response(o)["result"]!["size"]!.GetValue<long>());
        Assert.Equal("Hello from LLMSpell! This is my first tool usage.", File.ReadAllText(path));
        Assert.False(o.ToScriptValue().ContainsKey("success"));
    }

    [Fact]
    public async Task Write_RelativeSegments_PathShownExactlyAsPassed()
    {
        var path = _dir.Path + "/./sub/../x.txt";
        var o = await Run(new() { ["operation"] = "WRITE", ["path"] = path, ["content"] = "abc" });
        Assert.Equal($"Wrote 3 bytes to {path}", o.Text);
        Assert.True(File.Exists(_dir.File("x.txt")));
    }

    [Fact]
    public async Task Write_NoInput_WritesZeroBytesAndCreatesParents()
    {
        var path = _dir.File("a/b/c.txt");
        var o = await Run(new() { ["operation"] = "write", ["path"] = path });
        Assert.Equal($"Wrote 0 bytes to {path}", o.Text);
        Assert.Equal(0, new FileInfo(path).Length);
    }

    [Fact]
    public async Task Read_JsonFile_ReturnsContentVerbatim()
    {
        var path = _dir.Write("d.json", "{\"a\": 1,\n \"b\": [2]}\n");
        var o = await Run(new() { ["operation"] = "read", ["path"] = path });
        Assert.Equal("{\"a\": 1,\n \"b\": [2]}\n", o.Text);
        Assert.Equal("{\"a\": 1,\n \"b\": [2]}\n", o.ToScriptValue()["text"]!.GetValue<string>());
        Assert.Equal(20, Response(o)["result"]!["size"]!.GetValue<long>());
    }

    [Fact]
    public async Task Base64_WriteThenRead_RoundTripsBytes()
    {
        var path = _dir.File("bin.dat");
        byte[] bytes = [0, 1, 2, 255, 254];
        var w = await Run(new() { ["operation"] = "write", ["path"] = path, ["input"] = Convert.ToBase64String(bytes), ["encoding"] = "base64" });
        Assert.Equal($"Wrote 5 bytes to {path}", w.Text);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        var r = await Run(new() { ["operation"] = "read", ["path"] = path, ["encoding"] = "base64" });
        Assert.Equal(Convert.ToBase64String(bytes), r.Text);
    }

    [Fact]
    public async Task Exists_ReportsBothTexts()
    {
        var path = _dir.Write("x", "1");
        Assert.Equal($"Path {path} exists", (await Run(new() { ["operation"] = "exists", ["path"] = path })).Text);
        var missing = _dir.File("nope");
        var o = await Run(new() { ["operation"] = "exists", ["path"] = missing });
        Assert.Equal($"Path {missing} does not exist", o.Text);
        Assert.False(Response(o)["result"]!["exists"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Aliases_MkdirLsCpMvStatAppend_Work()
    {
        var d = _dir.File("x/y");
        Assert.Equal($"Created directory: {d}", (await Run(new() { ["operation"] = "mkdir", ["path"] = d, ["recursive"] = true })).Text);
        Assert.Equal($"Directory already exists: {d}", (await Run(new() { ["operation"] = "create_dir", ["path"] = d })).Text);
        var f = Path.Combine(d, "f.txt");
        await Run(new() { ["operation"] = "write", ["path"] = f, ["input"] = "ab" });
        Assert.Equal($"Appended 2 bytes to {f}", (await Run(new() { ["operation"] = "append", ["path"] = f, ["input"] = "cd" })).Text);
        Assert.Equal("abcd", File.ReadAllText(f));
        var g = Path.Combine(d, "g.txt");
        Assert.Equal($"Copied {f} to {g}", (await Run(new() { ["operation"] = "cp", ["source_path"] = f, ["target_path"] = g })).Text);
        var h = Path.Combine(d, "h.txt");
        Assert.Equal($"Moved {g} to {h}", (await Run(new() { ["operation"] = "mv", ["source_path"] = g, ["target_path"] = h })).Text);
        Assert.False(File.Exists(g));
        var ls = await Run(new() { ["operation"] = "ls", ["path"] = d });
        Assert.Equal($"Found 2 entries in {d}", ls.Text);
        var names = ((JsonArray)Response(ls)["result"]!["entries"]!).Select(e => e!["name"]!.GetValue<string>());
        Assert.Equal(["f.txt", "h.txt"], names);
        Assert.Equal("list_dir", ls.Metadata["operation"]!.GetValue<string>());
        var stat = await Run(new() { ["operation"] = "stat", ["path"] = f });
        Assert.Equal($"Retrieved metadata for {f}", stat.Text);
        Assert.Equal(4, Response(stat)["result"]!["size"]!.GetValue<long>());
        Assert.Equal("file", Response(stat)["result"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateDir_NonRecursiveMissingParent_FailureResult()
    {
        var o = await Run(new() { ["operation"] = "create_dir", ["path"] = _dir.File("p/q") });
        Assert.True(o.IsFailure);
        Assert.StartsWith("Tool 'file_operations' failed: create_dir: parent directory does not exist", o.FailureMessage);
    }

    [Fact]
    public async Task Read_MissingFile_ReturnsFailureResultWithoutText()
    {
        var path = _dir.File("missing.txt");
        var o = await Run(new() { ["operation"] = "read", ["path"] = path });
        Assert.Equal($"Tool 'file_operations' failed: read: file not found: {path}", o.FailureMessage);
        var table = o.ToScriptValue();
        Assert.False(table["success"]!.GetValue<bool>());
        Assert.Equal(o.FailureMessage, table["error"]!.GetValue<string>());
        Assert.False(table.ContainsKey("text"));
        var response = Response(o);
        Assert.False(response["success"]!.GetValue<bool>());
        Assert.Equal("not_found", response["error"]!["code"]!.GetValue<string>());
        Assert.Equal($"read: file not found: {path}", response["error"]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/tmp/../../../etc/passwd", "path '/tmp/../../../etc/passwd' escapes the filesystem root")]
    [InlineData("/tmp/../etc/passwd", "path '/tmp/../etc/passwd' resolves to '/etc/passwd', which is outside the allowed paths [/tmp]")]
    [InlineData("/nonexistent/file.txt", "path '/nonexistent/file.txt' is outside the allowed paths [/tmp]")]
    [InlineData("/tmpfoo", "path '/tmpfoo' is outside the allowed paths [/tmp]")]
    [InlineData("/etc/passwd", "path '/etc/passwd' is outside the allowed paths [/tmp]")]
    public async Task Read_OutsideSandbox_SecurityFailureResult(string path, string reason)
    {
        var o = await Run(new() { ["operation"] = "read", ["path"] = path });
        Assert.Equal($"Tool 'file_operations' failed: read: security violation: {reason}", o.FailureMessage);
        Assert.Equal("security_violation", Response(o)["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListDir_Etc_SecurityFailureResult()
    {
        var o = await Run(new() { ["operation"] = "list_dir", ["path"] = "/etc" });
        Assert.Equal("Tool 'file_operations' failed: list_dir: security violation: path '/etc' is outside the allowed paths [/tmp]", o.FailureMessage);
    }

    [Fact]
    public async Task Write_UsrBin_RefusedAsFailureResult()
    {
        var o = await Run(new() { ["operation"] = "write", ["path"] = "/usr/bin/x", ["input"] = "x" });
        Assert.Equal("Tool 'file_operations' failed: write: security violation: path '/usr/bin/x' is outside the allowed paths [/tmp]", o.FailureMessage);
        Assert.False(File.Exists("/usr/bin/x"));
    }

    [Fact]
    public async Task Read_SymlinkPointingOutside_Refused()
    {
        var link = _dir.File("passwd-link");
        File.CreateSymbolicLink(link, "/etc/passwd");
        var o = await Run(new() { ["operation"] = "read", ["path"] = link });
        Assert.Equal($"Tool 'file_operations' failed: read: security violation: path '{link}' resolves to '/etc/passwd', which is outside the allowed paths [/tmp]", o.FailureMessage);
    }

    [Fact]
    public async Task Write_SymlinkInsideSandbox_ReplacesLinkNotTarget()
    {
        var target = _dir.Write("target.txt", "original");
        var link = _dir.File("link.txt");
        File.CreateSymbolicLink(link, target);
        await Run(new() { ["operation"] = "write", ["path"] = link, ["input"] = "new" });
        Assert.Equal("original", File.ReadAllText(target));
        Assert.Null(new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(link));
    }

    [Fact]
    public async Task Write_BlockedExtension_RefusedAndNothingWritten()
    {
        var path = _dir.File("evil.exe");
        var o = await Run(new() { ["operation"] = "write", ["path"] = path, ["input"] = "MZ" });
        Assert.Equal("Tool 'file_operations' failed: write: security violation: writing files with extension '.exe' is not allowed", o.FailureMessage);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Write_OverSizeLimit_FailsAndLeavesDestinationUntouched()
    {
        var services = ToolTestServices.Create("[tools.file_operations]\nmax_file_size = 10\n");
        var path = _dir.Write("keep.txt", "keep");
        var o = await FileToolHarness.Run(new FileOperationsTool(services), services, new() { ["operation"] = "write", ["path"] = path, ["input"] = new string('x', 11) });
        Assert.Equal($"Tool 'file_operations' failed: write: file '{path}' is 11 bytes, exceeding the limit of 10", o.FailureMessage);
        Assert.Equal("keep", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task Write_InvalidBase64_RaisesInvalidParametersAndLeavesFileUntouched()
    {
        var path = _dir.Write("keep.txt", "keep");
        var ex = await FileToolHarness.Fails(new FileOperationsTool(_services), _services, new() { ["operation"] = "write", ["path"] = path, ["input"] = "!!!", ["encoding"] = "base64" });
        Assert.Equal(ToolFailureKind.InvalidParameters, ex.Kind);
        Assert.Equal("keep", File.ReadAllText(path));
    }

    [Fact]
    public async Task Delete_DirectoryWithoutRecursive_FailureResult()
    {
        var d = _dir.File("d");
        Directory.CreateDirectory(d);
        var o = await Run(new() { ["operation"] = "delete", ["path"] = d });
        Assert.Equal($"Tool 'file_operations' failed: delete: '{d}' is a directory; set recursive = true", o.FailureMessage);
        File.WriteAllText(Path.Combine(d, "f"), "x");
        Assert.Equal($"Deleted directory: {d}", (await Run(new() { ["operation"] = "delete", ["path"] = d, ["recursive"] = true })).Text);
        Assert.False(Directory.Exists(d));
    }

    [Fact]
    public async Task Delete_MissingFile_FailureResult()
    {
        var o = await Run(new() { ["operation"] = "delete", ["path"] = _dir.File("gone") });
        Assert.Contains("delete: file not found", o.FailureMessage);
    }

    [Fact]
    public async Task Copy_NoOverwrite_ExistingTargetUntouched()
    {
        var a = _dir.Write("a.txt", "A");
        var b = _dir.Write("b.txt", "B");
        var o = await Run(new() { ["operation"] = "copy", ["source_path"] = a, ["target_path"] = b, ["overwrite"] = false });
        Assert.True(o.IsFailure);
        Assert.Equal("B", File.ReadAllText(b));
    }

    [Fact]
    public async Task Copy_DirectoryRecursive_CopiesTree()
    {
        _dir.Write("src/one.txt", "1");
        _dir.Write("src/deep/two.txt", "2");
        var o = await Run(new() { ["operation"] = "copy", ["source_path"] = _dir.File("src"), ["target_path"] = _dir.File("dst"), ["recursive"] = true });
        Assert.Null(o.FailureMessage);
        Assert.Equal("2", File.ReadAllText(_dir.File("dst/deep/two.txt")));
    }

    [Fact]
    public async Task ListDir_Recursive_BoundedByMaxDepth()
    {
        var services = ToolTestServices.Create("[tools.file_operations]\nmax_depth = 1\n");
        _dir.Write("a/b/c/d.txt", "x");
        var o = await FileToolHarness.Run(new FileOperationsTool(services), services, new() { ["operation"] = "list_dir", ["path"] = _dir.Path, ["recursive"] = true });
        var names = ((JsonArray)Response(o)["result"]!["entries"]!).Select(e => e!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["a", "a/b"], names);
    }

    [Fact]
    public async Task ListDir_ManyEntries_CappedAt1000AndSorted()
    {
        for (var i = 0; i < 1005; i++)
        {
            File.WriteAllText(_dir.File($"f{i:D4}"), "");
        }

        var o = await Run(new() { ["operation"] = "list_dir", ["path"] = _dir.Path });
        var result = Response(o)["result"]!;
        Assert.Equal(1000, result["count"]!.GetValue<int>());
        Assert.True(result["truncated"]!.GetValue<bool>());
        Assert.Equal("f0000", result["entries"]![0]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("frobnicate", "parameter 'operation': unknown file operation 'frobnicate'")]
    [InlineData("", "parameter 'operation': unknown file operation ''")]
    public async Task UnknownOperation_Raises(string op, string message)
    {
        var ex = await FileToolHarness.Fails(new FileOperationsTool(_services), _services, new() { ["operation"] = op, ["path"] = "/tmp/x" });
        Assert.Equal(ToolFailureKind.InvalidParameters, ex.Kind);
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public async Task MissingPath_Raises()
    {
        var ex = await FileToolHarness.Fails(new FileOperationsTool(_services), _services, new() { ["operation"] = "read" });
        Assert.Equal("missing required parameter 'path'", ex.Message);
        Assert.Equal("Tool 'file_operations' invalid parameters: missing required parameter 'path'", ex.ScriptMessage("file_operations"));
    }

    [Fact]
    public async Task FileAccessDisabled_FailureResult()
    {
        var services = ToolTestServices.Create("[runtime.security]\nallow_file_access = false\n");
        var o = await FileToolHarness.Run(new FileOperationsTool(services), services, new() { ["operation"] = "exists", ["path"] = "/tmp" });
        Assert.Equal("Tool 'file_operations' failed: exists: security violation: file access is disabled (runtime.security.allow_file_access)", o.FailureMessage);
    }

    [Fact]
    public void Descriptor_IsProseWithContentAlias()
    {
        var d = new FileOperationsTool(_services).Descriptor;
        Assert.Equal(OutputKind.Prose, d.OutputKind);
        Assert.Contains("content", d.Parameters.Single(p => p.Name == "input").Aliases!);
    }

    [Fact]
    public async Task CopyMove_TargetOutsideSandbox_FailureResultAndSourceKept()
    {
        var src = _dir.Write("s.txt", "data");
        var cp = await Run(new() { ["operation"] = "copy", ["source_path"] = src, ["target_path"] = "/etc/s.txt" });
        Assert.Equal("Tool 'file_operations' failed: copy: security violation: path '/etc/s.txt' is outside the allowed paths [/tmp]", cp.FailureMessage);
        var mv = await Run(new() { ["operation"] = "move", ["source_path"] = src, ["target_path"] = "/tmpfoo/s.txt" });
        Assert.True(mv.IsFailure);
        Assert.Equal("data", File.ReadAllText(src));
        var mvExe = await Run(new() { ["operation"] = "rename", ["source_path"] = src, ["target_path"] = _dir.File("s.dll") });
        Assert.Contains("extension '.dll' is not allowed", mvExe.FailureMessage);
        Assert.True(File.Exists(src));
    }

    [Fact]
    public async Task MissingOperation_RaisesUnknownFileOperation()
    {
        var ex = await FileToolHarness.Fails(new FileOperationsTool(_services), _services, new() { ["path"] = "/tmp/x" });
        Assert.Equal("parameter 'operation': unknown file operation ''", ex.Message);
    }

    [Fact]
    public async Task Read_OverSizeLimit_FailureResult()
    {
        var services = ToolTestServices.Create("[tools.file_operations]\nmax_file_size = 3\n");
        var path = _dir.Write("big.txt", "12345");
        var o = await FileToolHarness.Run(new FileOperationsTool(services), services, new() { ["operation"] = "read", ["path"] = path });
        Assert.Equal($"Tool 'file_operations' failed: read: file '{path}' is 5 bytes, exceeding the limit of 3", o.FailureMessage);
    }

    [Fact]
    public async Task AllowedExtensions_RestrictWrites()
    {
        var services = ToolTestServices.Create("[tools.file_operations]\nallowed_extensions = [\"txt\"]\n");
        var o = await FileToolHarness.Run(new FileOperationsTool(services), services, new() { ["operation"] = "write", ["path"] = _dir.File("a.md"), ["input"] = "x" });
        Assert.Equal("Tool 'file_operations' failed: write: security violation: writing files with extension '.md' is not allowed (allowed: txt)", o.FailureMessage);
        Assert.False(File.Exists(_dir.File("a.md")));
    }
}
