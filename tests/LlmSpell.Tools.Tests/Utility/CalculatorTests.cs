using System.Text.Json;

namespace LlmSpell.Tools.Tests.Utility;

public sealed class CalculatorTests
{
    private readonly ToolHarness _h = new();

    [Theory]
    [InlineData("2 + 2 * 3", "8", "integer")]
    [InlineData("2 ^ 3 ^ 2", "512", "integer")]
    [InlineData("-2 ^ 2", "-4", "integer")]
    [InlineData("10 % 4 + 7 / 2", "5.5", "float")]
    [InlineData("(1 < 2) && !(3 == 4) || 0", "1", "integer")]
    [InlineData("log(2, 8) + log(100) + max(1, 5, 3) + int(-2.7)", "8", "integer")]
    [InlineData("sqrt(16) + abs(-3) + round(2.5) + hypot(3, 4)", "15", "integer")]
    [InlineData("pi() - pi", "0", "integer")]
    [InlineData("1/0", "\"Infinity\"", "special")]
    [InlineData("0/0", "\"NaN\"", "special")]
    [InlineData("2^60", "1.152921504606847E+18", "float")]
    public async Task Evaluate_Expressions(string input, string expectedJson, string type)
    {
        var r = await _h.Run("calculator", $$"""{"input":"{{input}}"}""");
        Assert.Equal("Expression evaluated successfully", r["message"]!.GetValue<string>());
        Assert.Equal(expectedJson, r["result"]!["result"]!.ToJsonString());
        Assert.Equal(type, r["result"]!["result_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Evaluate_IntegerResult_IsJsonInteger()
    {
        var r = await _h.Result("calculator", """{"expression":"2 + 2 * 3"}""");
        Assert.Equal(8L, r["result"]!.GetValue<long>());
    }

    [Fact]
    public async Task Evaluate_Variables()
    {
        var r = await _h.Result("calculator", """{"input":"x * y + 1","variables":{"x":3,"y":1.5}}""");
        Assert.Equal(5.5, r["result"]!.GetValue<double>());
        Assert.Equal(3, r["variables"]!["x"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"input":"2 +"}""", "evaluate", "invalid_expression", "syntax error at position 4: unexpected end of expression")]
    [InlineData("""{"input":"foo + 1"}""", "evaluate", "invalid_expression", "unknown variable 'foo'")]
    [InlineData("""{"input":"nope(1)"}""", "evaluate", "invalid_expression", "unknown function 'nope'")]
    [InlineData("""{}""", "evaluate", "invalid_parameter", "missing required parameter 'input'")]
    [InlineData("""{"operation":"integrate","input":"1"}""", "integrate", "invalid_parameter", "unknown operation 'integrate'; valid operations are evaluate, validate, functions")]
    [InlineData("""{"input":1,"variables":{"x":"a"}}""", "evaluate", "invalid_parameter", "variable 'x' must be a number")]
    public async Task Problems_AreFailureEnvelopes_NeverRaise(string parameters, string op, string code, string message)
    {
        var r = await _h.Run("calculator", parameters);
        Assert.False(r["success"]!.GetValue<bool>());
        Assert.Equal(op, r["operation"]!.GetValue<string>());
        Assert.Equal(code, r["error"]!["code"]!.GetValue<string>());
        Assert.Equal(message, r["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task OversizedAndDeepInput_AreFailureEnvelopes()
    {
        var big = await _h.Run("calculator", JsonSerializer.Serialize(new { input = string.Join("+", Enumerable.Repeat("1", 6000)) }));
        Assert.Equal("invalid_parameter", big["error"]!["code"]!.GetValue<string>());
        var deep = await _h.Run("calculator", JsonSerializer.Serialize(new { input = new string('(', 150) + "1" + new string(')', 150) }));
        Assert.Equal("expression nested deeper than 100 levels", deep["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Validate_And_Functions()
    {
        var ok = await _h.Result("calculator", """{"operation":"validate","input":"1 + 2"}""");
        Assert.True(ok["valid"]!.GetValue<bool>());
        var bad = await _h.Run("calculator", """{"operation":"validate","input":"1 +"}""");
        Assert.True(bad["success"]!.GetValue<bool>());
        Assert.False(bad["result"]!["valid"]!.GetValue<bool>());
        Assert.NotNull(bad["result"]!["error"]);
        var f = await _h.Result("calculator", """{"operation":"functions"}""");
        Assert.NotNull(f["functions"]!["atan2"]);
        Assert.Contains(f["constants"]!.AsArray(), c => c!.GetValue<string>() == "pi");
    }
}
