using System.Text.RegularExpressions;

namespace LlmSpell.Tools.Tests.Utility;

public sealed class UuidAndTextTests
{
    private readonly ToolHarness _h = new();

    [Theory]
    [InlineData("v4", "4")]
    [InlineData("1", "1")]
    [InlineData("v7", "7")]
    public async Task Uuid_Generate_HasVersionNibble(string version, string nibble)
    {
        var r = await _h.Result("uuid_generator", $$"""{"version":"{{version}}"}""");
        var uuid = r["uuid"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-" + nibble + "[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", uuid);
        Assert.Equal("hyphenated", r["format"]!.GetValue<string>());
    }

    [Fact]
    public async Task Uuid_V5_IsStandardNameBased()
    {
        // RFC 9562 / Python uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        var r = await _h.Result("uuid_generator", """{"version":"v5","namespace":"dns","name":"python.org"}""");
        Assert.Equal("886313e1-3b8a-5372-9b90-0c9aee199e5d", r["uuid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Uuid_FormatsAndCount()
    {
        var r = await _h.Result("uuid_generator", """{"format":"urn","count":3}""");
        Assert.StartsWith("urn:uuid:", r["uuid"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(3, r["uuids"]!.AsArray().Count);
        Assert.Matches("^\\{[0-9a-f-]{36}\\}$", (await _h.Result("uuid_generator", """{"format":"braced"}"""))["uuid"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{32}$", (await _h.Result("uuid_generator", """{"format":"simple"}"""))["uuid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Uuid_ComponentIdDeterministicCustom()
    {
        var c = await _h.Result("uuid_generator", """{"operation":"component_id","prefix":"tool","short":true}""");
        Assert.Matches("^tool_[0-9a-f]{8}$", c["id"]!.GetValue<string>());
        var d1 = await _h.Result("uuid_generator", """{"operation":"deterministic","name":"agent-1"}""");
        var d2 = await _h.Result("uuid_generator", """{"operation":"deterministic","name":"agent-1"}""");
        Assert.Equal(d1["id"]!.GetValue<string>(), d2["id"]!.GetValue<string>());
        var custom = await _h.Result("uuid_generator", """{"operation":"custom","prefix":"job","timestamp":true,"suffix":"x","short":true}""");
        Assert.Matches("^job_\\d+_[0-9a-f]{8}_x$", custom["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Uuid_Validate_IsNegativeResultForGarbage()
    {
        var ok = await _h.Result("uuid_generator", """{"operation":"validate","uuid":"886313E1-3B8A-5372-9B90-0C9AEE199E5D"}""");
        Assert.True(ok["valid"]!.GetValue<bool>());
        Assert.Equal(5, ok["version"]!.GetValue<int>());
        Assert.Equal("RFC4122", ok["variant"]!.GetValue<string>());
        var bad = await _h.Result("uuid_generator", """{"operation":"validate","uuid":"nope"}""");
        Assert.False(bad["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Uuid_BadInput_Raises()
    {
        Assert.Equal("Tool 'uuid_generator' invalid parameters: parameter 'namespace': invalid namespace 'test' (expected dns, url, oid, x500 or a UUID)",
            await _h.Raises("uuid_generator", """{"version":"v5","namespace":"test","name":"x"}"""));
        Assert.Equal("Tool 'uuid_generator' invalid parameters: parameter 'version': expected one of v1, v4, v5, v7, got 'v9'", await _h.Raises("uuid_generator", """{"version":"v9"}"""));
        Assert.Equal("Tool 'uuid_generator' invalid parameters: parameter 'count': must be between 1 and 1000, got 1001", await _h.Raises("uuid_generator", """{"count":1001}"""));
        Assert.Equal("Tool 'uuid_generator' invalid parameters: missing required parameter 'name'", await _h.Raises("uuid_generator", """{"operation":"deterministic"}"""));
        Assert.StartsWith("Tool 'uuid_generator' invalid parameters: parameter 'operation': expected one of", await _h.Raises("uuid_generator", """{"operation":"explode"}"""), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("uppercase", "hello world", "HELLO WORLD")]
    [InlineData("reverse", "añb", "bña")]
    [InlineData("snake_case", "helloWorld HTTPServer", "hello_world_http_server")]
    [InlineData("camel_case", "hello world-foo", "helloWorldFoo")]
    [InlineData("pascal_case", "hello world", "HelloWorld")]
    [InlineData("kebab_case", "Hello World", "hello-world")]
    [InlineData("title_case", "hello wORLD", "Hello World")]
    [InlineData("slugify", "Héllo, Wörld!", "hello-world")]
    [InlineData("normalize_whitespace", "  a \t b\n c ", "a b c")]
    [InlineData("sanitize", "a\u0001b\tc", "ab\tc")]
    [InlineData("dedent", "    a\n      b", "a\n  b")]
    [InlineData("trim", "  x  ", "x")]
    public async Task Text_Operations(string op, string input, string expected)
    {
        var r = await _h.Run("text_manipulator", new System.Text.Json.Nodes.JsonObject { ["operation"] = op, ["input"] = input }.ToJsonString());
        Assert.Equal($"Text {op} operation completed", r["message"]!.GetValue<string>());
        Assert.Equal(expected, r["result"]!["result"]!.GetValue<string>());
        Assert.Equal(op, r["result"]!["operation"]!.GetValue<string>());
    }

    [Fact]
    public async Task Text_OptionsDrivenOperations()
    {
        Assert.Equal("a.b.c", (await _h.Result("text_manipulator", """{"operation":"replace","text":"a-b-c","options":{"from":"-","to":"."}}"""))["result"]!.GetValue<string>());
        Assert.Equal("122", (await _h.Result("text_manipulator", """{"operation":"replace","input":"a1b22","options":{"from":"[a-z]","to":"","regex":true}}"""))["result"]!.GetValue<string>());
        Assert.Equal("ell", (await _h.Result("text_manipulator", """{"operation":"substring","input":"hello","options":{"start":1,"end":4}}"""))["result"]!.GetValue<string>());
        var split = await _h.Result("text_manipulator", """{"operation":"split","input":"a,b","options":{"delimiter":","}}""");
        Assert.Equal(["a", "b"], split["result"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Null(split["result_length"]);
        Assert.Equal("a+b", (await _h.Result("text_manipulator", """{"operation":"join","input":"[\"a\",\"b\"]","options":{"delimiter":"+"}}"""))["result"]!.GetValue<string>());
        Assert.Equal("hello w...", (await _h.Result("text_manipulator", """{"operation":"truncate","input":"hello world!","options":{"max_length":10}}"""))["result"]!.GetValue<string>());
        Assert.Equal("  a\n  b", (await _h.Result("text_manipulator", """{"operation":"indent","input":"a\nb","options":{"spaces":2}}"""))["result"]!.GetValue<string>());
        Assert.Equal("aa bb\ncc", (await _h.Result("text_manipulator", """{"operation":"word_wrap","input":"aa bb cc","options":{"width":5}}"""))["result"]!.GetValue<string>());
        var count = (await _h.Result("text_manipulator", """{"operation":"count","input":"Hi there. How are you?\nFine"}"""))["result"]!;
        Assert.Equal(27, count["characters"]!.GetValue<int>());
        Assert.Equal(6, count["words"]!.GetValue<int>());
        Assert.Equal(2, count["lines"]!.GetValue<int>());
        Assert.Equal(3, count["sentences"]!.GetValue<int>());
    }

    [Fact]
    public async Task Text_BadInput_Raises()
    {
        var unknown = await _h.Raises("text_manipulator", """{"operation":"shout","input":"x"}""");
        Assert.StartsWith("Tool 'text_manipulator' invalid parameters: parameter 'operation': unknown operation 'shout'; valid operations are uppercase, lowercase,", unknown, StringComparison.Ordinal);
        Assert.Equal("Tool 'text_manipulator' invalid parameters: missing required parameter 'operation'", await _h.Raises("text_manipulator", """{"input":"x"}"""));
        Assert.Equal("Tool 'text_manipulator' invalid parameters: missing required option 'options.from'", await _h.Raises("text_manipulator", """{"operation":"replace","input":"x"}"""));
        Assert.Equal("Tool 'text_manipulator' invalid parameters: parameter 'options': expected object, got string", await _h.Raises("text_manipulator", """{"operation":"trim","input":"x","options":"y"}"""));
        Assert.StartsWith("Tool 'text_manipulator' failed: join expects a JSON array", await _h.Raises("text_manipulator", """{"operation":"join","input":"nope"}"""), StringComparison.Ordinal);
        Assert.Matches(new Regex("invalid regular expression"), await _h.Raises("text_manipulator", """{"operation":"replace","input":"x","options":{"from":"(","regex":true}}"""));
    }
}
