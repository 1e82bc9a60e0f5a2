using LlmSpell.TestUtilities;

namespace LlmSpell.Tools.Tests.Utility;

public sealed class Base64AndHashTests
{
    private readonly ToolHarness _h = new();

    [Fact]
    public async Task Base64_EncodeAndDecode_RoundTrip()
    {
        var r = await _h.Run("base64_encoder", """{"operation":"encode","input":"Hello LLMSpell"}""");
        Assert.Equal("Base64 encode completed", r["message"]!.GetValue<string>());
        Assert.Equal("SGVsbG8gTExNU3BlbGw=", r["result"]!["output"]!.GetValue<string>());
        Assert.Equal("standard", r["result"]!["variant"]!.GetValue<string>());
        Assert.False(r["result"]!["binary"]!.GetValue<bool>());
        var d = await _h.Result("base64_encoder", """{"operation":"DECODE","input":"SGVsbG8gTExNU3BlbGw="}""");
        Assert.Equal("Hello LLMSpell", d["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Base64_UrlSafeAndBinary_UseAlphabetAndHex()
    {
        var e = await _h.Result("base64_encoder", """{"input":"fbff","binary_input":true,"variant":"url-safe"}""");
        Assert.Equal("-_8", e["output"]!.GetValue<string>());
        Assert.Equal("url_safe", e["variant"]!.GetValue<string>());
        var d = await _h.Result("base64_encoder", """{"operation":"decode","input":"-_8","variant":"url_safe"}""");
        Assert.Equal("fbff", d["output"]!.GetValue<string>());
        Assert.True(d["binary"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Base64_Files_ReadAndWriteInsideSandbox()
    {
        using var dir = new TempDirectory();
        var src = Path.Combine(dir.Path, "in.txt");
        await File.WriteAllTextAsync(src, "abc", TestContext.Current.CancellationToken);
        var outFile = Path.Combine(dir.Path, "out.b64");
        var r = await _h.Result("base64_encoder", $$"""{"input_file":"{{src}}","output_file":"{{outFile}}"}""");
        Assert.Equal(4, r["bytes_written"]!.GetValue<int>());
        Assert.Equal("YWJj", await File.ReadAllTextAsync(outFile, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Base64_BadInput_Raises()
    {
        Assert.Equal("Tool 'base64_encoder' failed: invalid base64 input: invalid character '*'", await _h.Raises("base64_encoder", """{"operation":"decode","input":"ab*d"}"""));
        Assert.Equal("Tool 'base64_encoder' invalid parameters: missing required parameter 'input'", await _h.Raises("base64_encoder", "{}"));
        Assert.StartsWith("Tool 'base64_encoder' invalid parameters: parameter 'operation': expected one of encode, decode, got 'zip'", await _h.Raises("base64_encoder", """{"operation":"zip","input":"x"}"""), StringComparison.Ordinal);
        Assert.StartsWith("Tool 'base64_encoder' failed: security violation:", await _h.Raises("base64_encoder", """{"input_file":"/etc/hostname"}"""), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("md5", "MD5", "eb733a00c0c9d336e65691a37ab54293")]
    [InlineData("sha1", "SHA-1", "f48dd853820860816c75d54d0f584dc863327a7c")]
    [InlineData("sha-256", "SHA-256", "916f0027a575074ce72a331777c3478d6513f786a591bd892da1a577bf2335f9")]
    public async Task Hash_KnownValues(string algorithm, string display, string hex)
    {
        var r = await _h.Run("hash_calculator", $$"""{"input":"test data","algorithm":"{{algorithm}}"}""");
        Assert.Equal($"Calculated {display} hash", r["message"]!.GetValue<string>());
        Assert.Equal(hex, r["result"]!["hash"]!.GetValue<string>());
        Assert.Equal(display, r["result"]!["algorithm"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hash_Verify_MatchAndMismatch()
    {
        var ok = await _h.Run("hash_calculator", """{"input":"test data","expected_hash":"916F0027A575074CE72A331777C3478D6513F786A591BD892DA1A577BF2335F9"}""");
        Assert.Equal("verify", ok["operation"]!.GetValue<string>());
        Assert.True(ok["result"]!["verified"]!.GetValue<bool>());
        var bad = await _h.Run("hash_calculator", """{"operation":"verify","input":"x","expected_hash":"00"}""");
        Assert.True(bad["success"]!.GetValue<bool>());
        Assert.Equal("Hash verification failed", bad["message"]!.GetValue<string>());
        Assert.False(bad["result"]!["verified"]!.GetValue<bool>());
        Assert.Equal("00", bad["result"]!["expected"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hash_Base64FormatAndFile()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "d.txt");
        await File.WriteAllTextAsync(file, "test data", TestContext.Current.CancellationToken);
        var r = await _h.Result("hash_calculator", $$"""{"file":"{{file}}","format":"base64"}""");
        Assert.Equal("kW8AJ6V1B0znKjMXd8NHjWUT94alkb2JLaGld78jNfk=", r["hash"]!.GetValue<string>());
        var viaInput = await _h.Result("hash_calculator", $$"""{"input":"{{file}}","input_type":"file"}""");
        Assert.Equal("916f0027a575074ce72a331777c3478d6513f786a591bd892da1a577bf2335f9", viaInput["hash"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hash_BadInput_Raises()
    {
        Assert.Equal("Tool 'hash_calculator' invalid parameters: missing required parameter 'input'", await _h.Raises("hash_calculator", "{}"));
        Assert.Equal("Tool 'hash_calculator' invalid parameters: missing required parameter 'expected_hash'", await _h.Raises("hash_calculator", """{"operation":"verify","input":"x"}"""));
        Assert.Equal("Tool 'hash_calculator' invalid parameters: parameter 'input': expected string, got boolean", await _h.Raises("hash_calculator", """{"input":true}"""));
        Assert.StartsWith("Tool 'hash_calculator' failed: file not found:", await _h.Raises("hash_calculator", """{"file":"/tmp/definitely-missing-llmspell-file"}"""), StringComparison.Ordinal);
    }
}
