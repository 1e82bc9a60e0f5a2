using System.Text.Json.Nodes;
using LlmSpell.TestUtilities;
using LlmSpell.Tools.Files;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Tests.Files;

public sealed class JsonProcessorToolTests
{
    private readonly ToolServices _services = ToolTestServices.Create();

    private async Task<JsonObject> Result(JsonObject p) => FileToolHarness.Result(await FileToolHarness.Run(new JsonProcessorTool(_services), _services, p));

    [Fact]
    public async Task Query_SingleOutput_IsTheValue()
    {
        var r = await Result(new() { ["input"] = "{\"users\":[{\"name\":\"a\",\"age\":3},{\"name\":\"b\",\"age\":9}]}", ["query"] = "[.users[] | select(.age > 5) | .name]" });
        Assert.Equal("[\"b\"]", r["result"]!.ToJsonString());
        Assert.Equal(1, r["output_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Query_ManyOrZeroOutputs_IsAnArray()
    {
        var many = await Result(new() { ["operation"] = "jq", ["input"] = new JsonArray(1, 2, 3), ["query"] = ".[]" });
        Assert.Equal("[1,2,3]", many["result"]!.ToJsonString());
        Assert.Equal(3, many["output_count"]!.GetValue<int>());
        var none = await Result(new() { ["operation"] = "transform", ["input"] = new JsonArray(), ["query"] = ".[]" });
        Assert.Equal("[]", none["result"]!.ToJsonString());
    }

    [Fact]
    public async Task Query_DefaultProgramIsIdentity()
    {
        var r = await Result(new() { ["input"] = new JsonObject { ["a"] = 1 } });
        Assert.Equal("{\"a\":1}", r["result"]!.ToJsonString());
    }

    [Fact]
    public async Task Query_SyntaxError_RaisesWithPosition()
    {
        var ex = await FileToolHarness.Fails(new JsonProcessorTool(_services), _services, new() { ["input"] = "{}", ["query"] = ".a | | .b" });
        Assert.Equal("jq: syntax error: unexpected '|' at position 5", ex.Message);
        Assert.Equal("Tool 'json_processor' failed: jq: syntax error: unexpected '|' at position 5", ex.ScriptMessage("json_processor"));
    }

    [Fact]
    public async Task Query_UnavailableFunction_Raises()
    {
        var ex = await FileToolHarness.Fails(new JsonProcessorTool(_services), _services, new() { ["input"] = "{}", ["query"] = "env.HOME" });
        Assert.Equal("jq: unknown function 'env/0'", ex.Message);
    }

    [Fact]
    public async Task Query_InvalidJsonInput_Raises()
    {
        var ex = await FileToolHarness.Fails(new JsonProcessorTool(_services), _services, new() { ["input"] = "{\"a\": ", ["query"] = "." });
        Assert.StartsWith("invalid JSON input:", ex.Message);
    }

    [Fact]
    public async Task Query_MissingInput_Raises()
    {
        var ex = await FileToolHarness.Fails(new JsonProcessorTool(_services), _services, new() { ["query"] = "." });
        Assert.Equal("missing required parameter 'input'", ex.Message);
    }

    [Theory]
    [InlineData("http://json-schema.org/draft-07/schema#")]
    [InlineData("https://json-schema.org/draft/2020-12/schema")]
    public async Task Validate_ReportsErrorsWithPathAndKeyword(string draft)
    {
        var schema = new JsonObject
        {
            ["$schema"] = draft,
            ["type"] = "object",
            ["required"] = new JsonArray("name"),
            ["properties"] = new JsonObject { ["age"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 } },
        };
        var ok = await Result(new() { ["operation"] = "validate", ["input"] = "{\"name\":\"x\",\"age\":3}", ["schema"] = schema.DeepClone() });
        Assert.True(ok["is_valid"]!.GetValue<bool>());
        var bad = await Result(new() { ["operation"] = "validate", ["input"] = "{\"age\":-1}", ["schema"] = schema.DeepClone() });
        Assert.False(bad["is_valid"]!.GetValue<bool>());
        var errors = (JsonArray)bad["errors"]!;
        Assert.Contains(errors, e => e!["keyword"]!.GetValue<string>() == "required" && e["path"]!.GetValue<string>() == "/");
        Assert.Contains(errors, e => e!["keyword"]!.GetValue<string>() == "minimum" && e["path"]!.GetValue<string>() == "/age");
    }

    [Fact]
    public async Task Stream_JsonLines_AppliesQueryPerLine()
    {
        var r = await Result(new() { ["operation"] = "stream", ["input"] = "{\"a\":1}\n\n{\"a\":2}\n", ["query"] = ".a * 10" });
        Assert.Equal("[10,20]", r["results"]!.ToJsonString());
        Assert.Equal(2, r["line_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Stream_BadLine_RaisesWithLineNumber()
    {
        var ex = await FileToolHarness.Fails(new JsonProcessorTool(_services), _services, new() { ["operation"] = "stream", ["input"] = "{\"a\":1}\n{oops\n" });
        Assert.StartsWith("invalid JSON on line 2", ex.Message);
    }

    [Fact]
    public async Task Query_TooDeep_Raises()
    {
        var services = ToolTestServices.Create("[tools.data]\nmax_json_depth = 3\n");
        var ex = await FileToolHarness.Fails(new JsonProcessorTool(services), services, new() { ["input"] = "[[[[1]]]]" });
        Assert.Equal("JSON input is nested deeper than tools.data.max_json_depth (3)", ex.Message);
        var ok = FileToolHarness.Result(await FileToolHarness.Run(new JsonProcessorTool(services), services, new() { ["input"] = "[[[1]]]", ["query"] = ".[0][0][0]" }));
        Assert.Equal(1, ok["result"]!.GetValue<long>());
    }
}
