using LlmSpell.TestUtilities;

namespace LlmSpell.Scripting.Lua.Tests;

/// <summary>Lua ⇄ neutral model conversion (runtime.md §6), observed through JSON.stringify/parse.</summary>
public sealed class ValueConversionTests
{
    private static string Eval(string code)
    {
        var r = ScriptHarness.Run(code);
        Assert.True(r.Success, r.ToString());
        return r.Stdout.TrimEnd('\n');
    }

    [Theory]
    [InlineData("{}", "{}")]
    [InlineData("{1, 2, 3}", "[1,2,3]")]
    [InlineData("{1, nil, 3}", "{\"1\":1,\"3\":3}")]
    [InlineData("{1, 2, x = 3}", "{\"1\":1,\"2\":2,\"x\":3}")]
    [InlineData("{[2] = 'b', [1] = 'a'}", "[\"a\",\"b\"]")]
    [InlineData("{[1.5] = 'f'}", "{\"1.5\":\"f\"}")]
    [InlineData("{a = 2.0, b = 2, c = 0.1}", "{\"a\":2.0,\"b\":2,\"c\":0.1}")]
    [InlineData("{n = 0/0, i = 1/0}", "{\"i\":null,\"n\":null}")]
    [InlineData("JSON.array()", "[]")]
    [InlineData("JSON.object({1, 2})", "{\"1\":1,\"2\":2}")]
    [InlineData("{1, JSON.null, 3}", "[1,null,3]")]
    [InlineData("{[true] = 1, k = 'v'}", "{\"k\":\"v\"}")]
    [InlineData("'caf\\195\\169'", "\"café\"")]
    public void Stringify_FollowsLuaToJsonRules(string lua, string expected) =>
        Assert.Equal(expected, Eval($"print(JSON.stringify({lua}))"));

    [Theory]
    [InlineData("{\"a\":[]}", "table\t0\t[]")]
    [InlineData("{\"a\":{}}", "table\t0\t{}")]
    public void Parse_EmptyContainersKeepTheirKind(string json, string expected) =>
        Assert.Equal(expected, Eval($"local v = JSON.parse('{json}').a print(type(v), #v, JSON.stringify(v))"));

    [Fact]
    public void Parse_NullInArrayIsSentinel_AndNullMemberIsAbsent()
    {
        Assert.Equal("3\ttrue\tnil", Eval("local v = JSON.parse('{\"a\":[1,null,3],\"b\":null}') print(#v.a, v.a[2] == JSON.null, v.b)"));
    }

    [Fact]
    public void Parse_IntegersStayIntegers_FloatsStayFloats()
    {
        Assert.Equal("integer\tfloat\tfloat", Eval("local v = JSON.parse('[1, 1.0, 1e2]') print(math.type(v[1]), math.type(v[2]), math.type(v[3]))"));
    }

    [Fact]
    public void Stringify_CyclesAndFunctionsRaiseWithPath()
    {
        var r = ScriptHarness.Run("local t = {} t.self = t JSON.stringify(t)");
        Assert.Contains("JSON.stringify: cyclic table at 'value.self'", r.Error, StringComparison.Ordinal);
        r = ScriptHarness.Run("JSON.stringify({ opts = { cb = print } })");
        Assert.Contains("JSON.stringify: cannot convert a function value to JSON at 'value.opts.cb'", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Stringify_DeepNestingRaises()
    {
        var r = ScriptHarness.Run("local t = {} local c = t for i = 1, 200 do c.n = {} c = c.n end JSON.stringify(t)");
        Assert.Contains("table nested deeper than 128 levels", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pretty_UsesTwoSpaceIndentAndSortedKeys()
    {
        Assert.Equal("{\n  \"a\": 1,\n  \"b\": [\n    true\n  ]\n}", Eval("print(JSON.stringify({ b = { true }, a = 1 }, true))"));
    }

    /// <summary>
    /// Property: any JSON value built from random parts survives JSON text → Lua → JSON text unchanged
    /// (integers vs floats, empty containers, nulls in arrays, unicode).
    /// </summary>
    [Fact]
    public void RoundTrip_RandomValues_AreIdentical()
    {
        var random = new Random(20261124);
        var cases = Enumerable.Range(0, 300).Select(_ => Values.JsonText.Compact(RandomJson.Value(random, 0))).ToList();
        var code = "local cases = JSON.parse(...)\n" +
            "local bad = 0\nfor i, text in ipairs(cases) do local back = JSON.stringify(JSON.parse(text)) if back ~= text then print('MISMATCH', text, back) bad = bad + 1 end end\nprint('checked', #cases, bad)";
        var json = Values.JsonText.Compact(new System.Text.Json.Nodes.JsonArray([.. cases.Select(c => (System.Text.Json.Nodes.JsonNode)c)]));
        var r = ScriptHarness.Run(code.Replace("JSON.parse(...)", "JSON.parse(" + LuaString(json) + ")", StringComparison.Ordinal));
        Assert.True(r.Success, r.ToString());
        Assert.Equal("checked\t300\t0", r.Stdout.TrimEnd('\n'));
    }

    private static string LuaString(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
