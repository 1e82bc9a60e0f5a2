using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Core.Tests.Values;

public sealed class JsonTextTests
{
    [Theory]
    [InlineData(8.0, "8.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e21, "1e+21")]
    [InlineData(123456789012.5, "123456789012.5")]
    [InlineData(double.NaN, "null")]
    [InlineData(double.PositiveInfinity, "null")]
    public void FormatFloat_Values_MatchSpec(double value, string expected) =>
        Assert.Equal(expected, JsonText.FormatFloat(value));

    [Fact]
    public void Compact_SortsKeysAndKeepsIntegersApartFromFloats()
    {
        var node = new JsonObject { ["b"] = 1, ["a"] = 2.0, ["c"] = new JsonArray(1, "x", null) };
        Assert.Equal("""{"a":2.0,"b":1,"c":[1,"x",null]}""", JsonText.Compact(node));
    }

    [Fact]
    public void Compact_WritesUtf8AndEscapesControlCharacters()
    {
        var node = new JsonObject { ["k"] = "é/🚀\n\"\u0001" };
        Assert.Equal("{\"k\":\"é/🚀\\n\\\"\\u0001\"}", JsonText.Compact(node));
    }

    [Fact]
    public void Pretty_KeepOrder_UsesInsertionOrderAndTwoSpaces()
    {
        var node = new JsonObject { ["operation"] = "hash", ["success"] = true, ["result"] = new JsonObject { ["z"] = 1, ["a"] = 2 } };
        Assert.Equal("{\n  \"operation\": \"hash\",\n  \"success\": true,\n  \"result\": {\n    \"z\": 1,\n    \"a\": 2\n  }\n}", JsonText.Pretty(node, keepOrder: true));
    }

    [Fact]
    public void Parse_IntegerAndFloatTextKeepTheirKind()
    {
        var node = JsonText.Parse("""{"i": 42, "f": 42.0, "e": 1e3, "big": 9223372036854775807}""")!;
        Assert.Equal(ValueKind.Integer, JsonValues.Classify(node["i"]));
        Assert.Equal(ValueKind.Float, JsonValues.Classify(node["f"]));
        Assert.Equal(ValueKind.Float, JsonValues.Classify(node["e"]));
        Assert.Equal(long.MaxValue, JsonValues.AsInteger(node["big"]));
    }

    [Fact]
    public void Parse_InvalidText_ReportsLineAndColumn()
    {
        var ex = Assert.Throws<JsonParseException>(() => JsonText.Parse("{\n  \"a\": ,\n}"));
        Assert.Equal(2, ex.Line);
        Assert.Contains("at line 2 column", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepEquals_ComparesNumbersNumerically()
    {
        Assert.True(JsonValues.DeepEquals(JsonText.Parse("[1, {\"a\": 2}]"), JsonText.Parse("[1.0, {\"a\": 2.0}]")));
        Assert.False(JsonValues.DeepEquals(JsonText.Parse("[1]"), JsonText.Parse("{\"1\": 1}")));
    }
}
