using LlmSpell.TestUtilities;

namespace LlmSpell.Tools.Tests.Utility;

public sealed class SandboxAndLimitTests
{
    private readonly ToolHarness _h = new();

    [Fact]
    public async Task Hash_FileOver100MB_Raises()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "big.bin");
        await using (var fs = File.Create(file))
        {
            fs.SetLength((100L * 1024 * 1024) + 1);
        }

        var message = await _h.Raises("hash_calculator", $$"""{"file":"{{file}}"}""");
        Assert.Equal($"Tool 'hash_calculator' failed: file '{file}' is 104857601 bytes, exceeding the limit of 104857600", message);
    }

    [Fact]
    public async Task Base64_OutputOutsideSandbox_IsSecurityViolation()
    {
        var message = await _h.Raises("base64_encoder", """{"input":"x","output_file":"/etc/llmspell-should-not-exist.txt"}""");
        Assert.StartsWith("Tool 'base64_encoder' failed: security violation:", message, StringComparison.Ordinal);
        Assert.Single(_h.Audit.Events("base64_encoder"));
    }

    [Fact]
    public async Task Diff_FilesInsideSandbox_AreRead()
    {
        using var dir = new TempDirectory();
        var a = Path.Combine(dir.Path, "a.txt");
        var b = Path.Combine(dir.Path, "b.txt");
        await File.WriteAllTextAsync(a, "x\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(b, "y\n", TestContext.Current.CancellationToken);
        var r = await _h.Result("diff_calculator", $$"""{"old_file":"{{a}}","new_file":"{{b}}","old_text":"ignored","format":"simple"}""");
        Assert.Equal("- x\n+ y\n", r["diff"]!.GetValue<string>());
    }

    [Fact]
    public async Task Handlebars_StrictMode_RaisesOnUndefined()
    {
        var message = await _h.Raises("template_engine", """{"input":"{{#if a}}{{missing}}{{/if}}","context":{"a":true},"strict":true}""");
        Assert.StartsWith("Tool 'template_engine' failed: undefined variable:", message, StringComparison.Ordinal);
    }
}
