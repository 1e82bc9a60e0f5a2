using System.Text.Json.Nodes;
using LlmSpell.Tools.Files.Jq;
using LlmSpell.Values;

namespace LlmSpell.Tools.Tests.Files;

public sealed class JqEvaluatorTests
{
    private static string Run(string program, string input)
    {
        var node = JqParser.Parse(program);
        var outputs = new JqEvaluator(TimeProvider.System, CancellationToken.None).Eval(node, JsonText.Parse(input), JqEnv.Empty).Select(JqValues.Clone);
        return JqValues.ToJson(new JsonArray([.. outputs]));
    }

    [Theory]
    [InlineData(".", "{\"a\":1}", "[{\"a\":1}]")]
    [InlineData(".a", "{\"a\":1}", "[1]")]
    [InlineData(".a.b", "{\"a\":{\"b\":\"x\"}}", "[\"x\"]")]
    [InlineData(".\"a b\"", "{\"a b\":2}", "[2]")]
    [InlineData(".[\"a\"]", "{\"a\":3}", "[3]")]
    [InlineData(".missing", "{\"a\":1}", "[null]")]
    [InlineData(".a?", "5", "[]")]
    [InlineData("[.[]?]", "5", "[[]]")]
    [InlineData(".[0]", "[1,2,3]", "[1]")]
    [InlineData(".[-1]", "[1,2,3]", "[3]")]
    [InlineData(".[5]", "[1,2,3]", "[null]")]
    [InlineData(".[1:]", "[1,2,3]", "[[2,3]]")]
    [InlineData(".[:2]", "[1,2,3]", "[[1,2]]")]
    [InlineData(".[-2:]", "[1,2,3]", "[[2,3]]")]
    [InlineData(".[1:2]", "\"abc\"", "[\"b\"]")]
    [InlineData(".[]", "[1,2]", "[1,2]")]
    [InlineData(".[]", "{\"a\":1,\"b\":2}", "[1,2]")]
    [InlineData("[..]", "[[1]]", "[[[[1]],[1],1]]")]
    [InlineData(".a | .b", "{\"a\":{\"b\":4}}", "[4]")]
    [InlineData(".a, .b", "{\"a\":1,\"b\":2}", "[1,2]")]
    [InlineData("(1, 2) + (10, 20)", "null", "[11,12,21,22]")]
    [InlineData("1, \"s\", true, null, [1], {\"k\": 1}", "null", "[1,\"s\",true,null,[1],{\"k\":1}]")]
    [InlineData("[.[] * 2]", "[1,2,3]", "[[2,4,6]]")]
    [InlineData("{a: .x, \"b\": 2, (.k): 3, c}", "{\"x\":1,\"k\":\"kk\",\"c\":9}", "[{\"a\":1,\"b\":2,\"kk\":3,\"c\":9}]")]
    [InlineData("{a: (1,2)}", "null", "[{\"a\":1},{\"a\":2}]")]
    [InlineData("1 + 2 * 3 - 4 / 2", "null", "[5]")]
    [InlineData("7 % 3", "null", "[1]")]
    [InlineData("1 / 4", "null", "[0.25]")]
    [InlineData("\"a\" + \"b\"", "null", "[\"ab\"]")]
    [InlineData("[1,2] + [3]", "null", "[[1,2,3]]")]
    [InlineData("[1,2,2,3] - [2]", "null", "[[1,3]]")]
    [InlineData("{a:1} + {b:2}", "null", "[{\"a\":1,\"b\":2}]")]
    [InlineData("{a:{x:1}} * {a:{y:2}}", "null", "[{\"a\":{\"x\":1,\"y\":2}}]")]
    [InlineData("null + 1", "null", "[1]")]
    [InlineData("\"a,b\" / \",\"", "null", "[[\"a\",\"b\"]]")]
    [InlineData("1 == 1.0, 1 != 2, 1 < 2, 2 <= 2, \"b\" > \"a\", [] >= {}", "null", "[true,true,true,true,true,false]")]
    [InlineData("true and false, true or false, (null | not)", "null", "[false,true,true]")]
    [InlineData("if . > 1 then \"big\" elif . == 1 then \"one\" else \"small\" end", "1", "[\"one\"]")]
    [InlineData("if . then 1 end", "false", "[false]")]
    [InlineData(".a // \"default\"", "{}", "[\"default\"]")]
    [InlineData(".a // \"default\"", "{\"a\":false}", "[\"default\"]")]
    [InlineData(".a // \"d\"", "{\"a\":0}", "[0]")]
    [InlineData("try error(\"boom\") catch .", "null", "[\"boom\"]")]
    [InlineData("try (1, error(\"x\"), 3) catch .", "null", "[1,\"x\"]")]
    [InlineData("[.[] | try tonumber catch \"bad\"]", "[\"1\",\"x\"]", "[[1,\"bad\"]]")]
    [InlineData("try error({a:1}) catch .a", "null", "[1]")]
    [InlineData(". as $x | $x + 1", "1", "[2]")]
    [InlineData(".a as $v | .b | . + $v", "{\"a\":1,\"b\":2}", "[3]")]
    [InlineData("[.[] as $x | $x * $x]", "[1,2,3]", "[[1,4,9]]")]
    [InlineData("reduce .[] as $x (0; . + $x)", "[1,2,3,4]", "[10]")]
    [InlineData("reduce .[] as $x ({}; .[$x] = 1)", "[\"a\"]", "[{\"a\":1}]")]
    [InlineData("[foreach .[] as $x (0; . + $x)]", "[1,2,3]", "[[1,3,6]]")]
    [InlineData("[foreach .[] as $x (0; . + $x; [$x, .])]", "[1,2]", "[[[1,1],[2,3]]]")]
    [InlineData("\"v=\\(.a) w=\\(.b)\"", "{\"a\":1,\"b\":\"x\"}", "[\"v=1 w=x\"]")]
    [InlineData("\"nested \\(\"in \\(.a)\")\"", "{\"a\":2}", "[\"nested in 2\"]")]
    [InlineData("\"\\([1,2])\"", "null", "[\"[1,2]\"]")]
    [InlineData("[.[] | select(. > 1)]", "[1,2,3]", "[[2,3]]")]
    [InlineData("map(. + 1)", "[1,2]", "[[2,3]]")]
    [InlineData("map_values(. * 10)", "{\"a\":1,\"b\":2}", "[{\"a\":10,\"b\":20}]")]
    [InlineData("keys", "{\"b\":1,\"a\":2}", "[[\"a\",\"b\"]]")]
    [InlineData("keys_unsorted", "{\"b\":1,\"a\":2}", "[[\"b\",\"a\"]]")]
    [InlineData("[.[] | values]", "[1,null,2]", "[[1,2]]")]
    [InlineData("[.[] | length]", "[[1,2],\"abc\",{\"a\":1},null,-5]", "[[2,3,1,0,5]]")]
    [InlineData("has(\"a\"), has(\"z\")", "{\"a\":1}", "[true,false]")]
    [InlineData("has(1)", "[0,1]", "[true]")]
    [InlineData("contains(\"bar\")", "\"foobar\"", "[true]")]
    [InlineData("contains({a:[1]})", "{\"a\":[1,2],\"b\":3}", "[true]")]
    [InlineData("inside([1,2,3])", "[1]", "[true]")]
    [InlineData("add", "[1,2,3]", "[6]")]
    [InlineData("add", "[\"a\",\"b\"]", "[\"ab\"]")]
    [InlineData("add", "[]", "[null]")]
    [InlineData("any, all", "[true,false]", "[true,false]")]
    [InlineData("any(. > 2), all(. > 0)", "[1,2,3]", "[true,true]")]
    [InlineData("min, max", "[3,1,2]", "[1,3]")]
    [InlineData("min_by(.a), max_by(.a)", "[{\"a\":2},{\"a\":1}]", "[{\"a\":1},{\"a\":2}]")]
    [InlineData("sort", "[3,\"a\",null,true,1]", "[[null,true,1,3,\"a\"]]")]
    [InlineData("sort_by(.n)", "[{\"n\":2},{\"n\":1}]", "[[{\"n\":1},{\"n\":2}]]")]
    [InlineData("group_by(.k) | map(length)", "[{\"k\":1},{\"k\":2},{\"k\":1}]", "[[2,1]]")]
    [InlineData("unique", "[2,1,2,1]", "[[1,2]]")]
    [InlineData("unique_by(length)", "[\"a\",\"bb\",\"c\"]", "[[\"a\",\"bb\"]]")]
    [InlineData("reverse", "[1,2,3]", "[[3,2,1]]")]
    [InlineData("flatten", "[1,[2,[3]]]", "[[1,2,3]]")]
    [InlineData("flatten(1)", "[1,[2,[3]]]", "[[1,2,[3]]]")]
    [InlineData("[range(3)]", "null", "[[0,1,2]]")]
    [InlineData("[range(2;5)]", "null", "[[2,3,4]]")]
    [InlineData("first, last", "[1,2,3]", "[1,3]")]
    [InlineData("first(.[] | select(. > 1))", "[1,2,3]", "[2]")]
    [InlineData("[limit(2; .[])]", "[1,2,3]", "[[1,2]]")]
    [InlineData("[limit(3; range(1000000000))]", "null", "[[0,1,2]]")]
    [InlineData("to_entries", "{\"a\":1}", "[[{\"key\":\"a\",\"value\":1}]]")]
    [InlineData("from_entries", "[{\"key\":\"a\",\"value\":1},{\"name\":\"b\",\"v\":2}]", "[{\"a\":1,\"b\":2}]")]
    [InlineData("with_entries(.value += 1)", "{\"a\":1}", "[{\"a\":2}]")]
    [InlineData("with_entries(.key |= ascii_upcase)", "{\"a\":1}", "[{\"A\":1}]")]
    [InlineData(".a = (1, 2)", "{}", "[{\"a\":1},{\"a\":2}]")]
    [InlineData(".[] *= 2", "[1,2]", "[[2,4]]")]
    [InlineData(".a //= 5 | .b //= 6", "{\"a\":1}", "[{\"a\":1,\"b\":6}]")]
    [InlineData(".a.b |= . + 1", "{\"a\":{\"b\":1}}", "[{\"a\":{\"b\":2}}]")]
    [InlineData("(.[] | select(. > 1)) |= empty", "[1,2,3]", "[[1,3]]")]
    [InlineData(".x = .y", "{\"y\":3}", "[{\"y\":3,\"x\":3}]")]
    [InlineData("with_entries({key: (.key + \"x\"), value})", "{\"a\":1}", "[{\"ax\":1}]")]
    [InlineData("[paths]", "{\"a\":[1]}", "[[[\"a\"],[\"a\",0]]]")]
    [InlineData("[paths(type == \"number\")]", "{\"a\":[1],\"b\":\"s\"}", "[[[\"a\",0]]]")]
    [InlineData("getpath([\"a\",\"b\"])", "{\"a\":{\"b\":5}}", "[5]")]
    [InlineData("getpath([\"x\",\"y\"])", "{}", "[null]")]
    [InlineData("setpath([\"a\",\"b\"]; 1)", "{}", "[{\"a\":{\"b\":1}}]")]
    [InlineData("setpath([0]; 9)", "[1,2]", "[[9,2]]")]
    [InlineData("del(.a)", "{\"a\":1,\"b\":2}", "[{\"b\":2}]")]
    [InlineData("del(.[0, 2])", "[1,2,3,4]", "[[2,4]]")]
    [InlineData("del(.[] | select(. == 2))", "[1,2,3,2]", "[[1,3]]")]
    [InlineData("del(.a.b)", "{\"a\":{\"b\":1,\"c\":2}}", "[{\"a\":{\"c\":2}}]")]
    [InlineData("path(.a[0].b)", "null", "[[\"a\",0,\"b\"]]")]
    [InlineData("[.[] | tostring]", "[1,\"a\",[1]]", "[[\"1\",\"a\",\"[1]\"]]")]
    [InlineData("[.[] | tonumber]", "[\"1.5\",2]", "[[1.5,2]]")]
    [InlineData("[.[] | type]", "[null,true,1,\"s\",[],{}]", "[[\"null\",\"boolean\",\"number\",\"string\",\"array\",\"object\"]]")]
    [InlineData("ascii_downcase, ascii_upcase", "\"aBc\"", "[\"abc\",\"ABC\"]")]
    [InlineData("split(\", \")", "\"a, b\"", "[[\"a\",\"b\"]]")]
    [InlineData("join(\"-\")", "[\"a\",1,null,true]", "[\"a-1--true\"]")]
    [InlineData("test(\"b+\")", "\"abbc\"", "[true]")]
    [InlineData("test(\"B\"; \"i\")", "\"abc\"", "[true]")]
    [InlineData("match(\"(b+)\") | [.offset, .length, .string, .captures[0].string]", "\"abbc\"", "[[1,2,\"bb\",\"bb\"]]")]
    [InlineData("[match(\"a\"; \"g\") | .offset]", "\"aba\"", "[[0,2]]")]
    [InlineData("capture(\"(?<y>\\\\d+)-(?<m>\\\\d+)\")", "\"2024-05\"", "[{\"y\":\"2024\",\"m\":\"05\"}]")]
    [InlineData("sub(\"o\"; \"0\")", "\"foo\"", "[\"f0o\"]")]
    [InlineData("gsub(\"o\"; \"0\")", "\"foo\"", "[\"f00\"]")]
    [InlineData("gsub(\"(?<x>[a-z])\"; \"<\\(.x)>\")", "\"ab1\"", "[\"<a><b>1\"]")]
    [InlineData("startswith(\"ab\"), endswith(\"bc\")", "\"abc\"", "[true,true]")]
    [InlineData("ltrimstr(\"a\"), rtrimstr(\"c\")", "\"abc\"", "[\"bc\",\"ab\"]")]
    [InlineData("tojson", "{\"a\":[1,\"x\"]}", "[\"{\\\"a\\\":[1,\\\"x\\\"]}\"]")]
    [InlineData("fromjson", "\"{\\\"a\\\":1}\"", "[{\"a\":1}]")]
    [InlineData("[empty]", "null", "[[]]")]
    [InlineData("null", "1", "[null]")]
    [InlineData("not", "true", "[false]")]
    [InlineData("floor, sqrt", "16.7", "[16,4.08656334834051]")]
    [InlineData("todate", "1425599621", "[\"2015-03-05T23:53:41Z\"]")]
    [InlineData("fromdate", "\"2015-03-05T23:53:41Z\"", "[1425599621]")]
    [InlineData("now | type", "null", "[\"number\"]")]
    [InlineData("[.[] | numbers]", "[1,\"a\",2]", "[[1,2]]")]
    [InlineData("walk(if type == \"number\" then . + 1 else . end)", "[1,[2]]", "[[2,[3]]]")]
    [InlineData(".a[1:] | length", "{\"a\":[1,2,3]}", "[2]")]
    [InlineData("-(.a)", "{\"a\":3}", "[-3]")]
    [InlineData("[.[] | -.]", "[1,-2]", "[[-1,2]]")]
    [InlineData("# comment\n.a", "{\"a\":1}", "[1]")]
    [InlineData("{\"a\":1} | .a as $a | {$a}", "null", "[{\"a\":1}]")]
    [InlineData("indices(\", \")", "\"a, b, c\"", "[[1,4]]")]
    [InlineData("@base64", "\"hi\"", "[\"aGk=\"]")]
    [InlineData("@csv", "[1,\"a\"]", "[\"1,\\\"a\\\"\"]")]
    [InlineData(".[] |= 1", "[1]", "[[1]]")]
    [InlineData("1 |= 2", "null", "error")]
    [InlineData(".a[]", "{\"a\":[1,2]}", "[1,2]")]
    [InlineData("[.[]?]", "{\"a\":1}", "[[1]]")]
    [InlineData("[.. | numbers]", "{\"a\":[1,{\"b\":2}],\"c\":\"x\"}", "[[1,2]]")]
    [InlineData("to_entries | from_entries", "{\"a\":1,\"b\":[2]}", "[{\"a\":1,\"b\":[2]}]")]
    [InlineData("[limit(0; 1, 2)]", "null", "[[]]")]
    [InlineData("\"\\(1 + 2)\"", "null", "[\"3\"]")]
    [InlineData("{(.a, .b): 1}", "{\"a\":\"x\",\"b\":\"y\"}", "[{\"x\":1},{\"y\":1}]")]
    [InlineData("[.[] | {name, age}]", "[{\"name\":\"a\",\"age\":1,\"z\":0}]", "[[{\"name\":\"a\",\"age\":1}]]")]
    [InlineData(".a.b.c", "null", "[null]")]
    [InlineData("try .a.b catch \"caught\"", "\"str\"", "[\"caught\"]")]
    [InlineData("if . == 1 then \"a\" elif . == 2 then \"b\" end", "3", "[3]")]
    [InlineData("(.a | error) // 1", "{\"a\":\"x\"}", "[1]")]
    [InlineData("(1, null, 2) // 3", "null", "[1,2]")]
    [InlineData("[.[] // \"d\"]", "[null, false]", "[[\"d\"]]")]
    [InlineData("keys, has(0)", "[5,6]", "[[0,1],true]")]
    [InlineData("[range(0; 10; 3)]", "null", "[[0,3,6,9]]")]
    [InlineData("[range(5; 0; -2)]", "null", "[[5,3,1]]")]
    [InlineData("reduce range(5) as $i ([]; . + [$i * 2])", "null", "[[0,2,4,6,8]]")]
    [InlineData("[foreach (1,2,3) as $x ({sum: 0}; .sum += $x; .sum)]", "null", "[[1,3,6]]")]
    [InlineData("[foreach (1,2,3) as $x (0; . + $x; select(. > 1))]", "null", "[[3,6]]")]
    [InlineData(". as $o | keys | map($o[.])", "{\"b\":2,\"a\":1}", "[[1,2]]")]
    [InlineData("[paths(..)]", "[[1]]", "[[[0],[0,0]]]")]
    [InlineData("[getpath([\"a\",0], [\"b\"])]", "{\"a\":[7],\"b\":8}", "[[7,8]]")]
    [InlineData("del(.[1:3])", "[1,2,3,4]", "[[1,4]]")]
    [InlineData("del(.. | select(. == null))", "[1,null,2]", "[[1,2]]")]
    [InlineData("to_entries | map(select(.value > 1)) | from_entries", "{\"a\":1,\"b\":2}", "[{\"b\":2}]")]
    [InlineData("with_entries(select(.key != \"a\"))", "{\"a\":1,\"b\":2}", "[{\"b\":2}]")]
    [InlineData("[.[] | tostring | tonumber]", "[1, 2.5]", "[[1,2.5]]")]
    [InlineData("[splits(\", \")]", "\"a, b\"", "unknown")]
    [InlineData("[.[] | ascii_downcase] | unique | join(\",\")", "[\"B\",\"a\",\"b\"]", "[\"a,b\"]")]
    [InlineData("group_by(.t) | map({t: .[0].t, n: length})", "[{\"t\":\"x\"},{\"t\":\"y\"},{\"t\":\"x\"}]", "[[{\"t\":\"x\",\"n\":2},{\"t\":\"y\",\"n\":1}]]")]
    [InlineData("map(select(.a?))", "[{\"a\":1},2,{\"a\":null}]", "[[{\"a\":1}]]")]
    [InlineData("[match(\"(?<d>\\\\d)\"; \"g\") | .captures[0].name]", "\"a1b2\"", "[[\"d\",\"d\"]]")]
    [InlineData("sub(\"(?<w>\\\\w+)\"; \"<\\(.w)>\")", "\"hi there\"", "[\"<hi> there\"]")]
    [InlineData("$undefined", "null", "error")]
    [InlineData("\"\\u00e9\" | length", "null", "[1]")]
    [InlineData("[.[] | floor]", "[1.7, -1.2]", "[[1,-2]]")]
    [InlineData("1 as $x | 2 as $y | [$x, $y, .]", "3", "[[1,2,3]]")]
    [InlineData("[.[] | if . then \"t\" else \"f\" end]", "[0, \"\", null, false, []]", "[[\"t\",\"t\",\"f\",\"f\",\"t\"]]")]
    public void Program_Input_Outputs(string program, string input, string expected)
    {
        if (expected == "unknown")
        {
            Assert.Throws<JqSyntaxException>(() => Run(program, input));
            return;
        }

        if (expected == "error")
        {
            Assert.ThrowsAny<Exception>(() => Run(program, input));
            return;
        }

        Assert.Equal(expected, Run(program, input));
    }

    [Theory]
    [InlineData("env", "unknown function 'env/0'")]
    [InlineData("input", "unknown function 'input/0'")]
    [InlineData("[inputs]", "unknown function 'inputs/0'")]
    [InlineData("debug", "unknown function 'debug/0'")]
    [InlineData("stderr", "unknown function 'stderr/0'")]
    [InlineData("input_filename", "unknown function 'input_filename/0'")]
    [InlineData("$ENV.PATH", "unknown function '$ENV/0'")]
    [InlineData("$__loc__", "unknown function '$__loc__/0'")]
    [InlineData("frobnicate(1; 2)", "unknown function 'frobnicate/2'")]
    [InlineData("map", "unknown function 'map/0'")]
    public void UnavailableFunction_RaisesUnknownFunction(string program, string message)
    {
        var ex = Assert.Throws<JqSyntaxException>(() => JqParser.Parse(program));
        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData(".a |", "syntax error: unexpected end of program at position 4")]
    [InlineData("[1, 2", "syntax error: expected ']', got end of program at position 5")]
    [InlineData("if . then 1", "syntax error: expected 'end', got end of program at position 11")]
    [InlineData("\"abc", "unterminated string starting at position 0")]
    [InlineData(".a ^ 1", "unexpected character '^' at position 3")]
    public void SyntaxError_NamesPosition(string program, string message)
    {
        var ex = Assert.Throws<JqSyntaxException>(() => JqParser.Parse(program));
        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData(".a", "5", "Cannot index number with \"a\"")]
    [InlineData(".[]", "5", "Cannot iterate over number (5)")]
    [InlineData("1 + \"a\"", "null", "number (1) and string (\"a\") cannot be added")]
    [InlineData("error(\"custom\")", "null", "custom")]
    [InlineData("1 / 0", "null", "number (1) and number (0) cannot be divided because the divisor is zero")]
    public void RuntimeError_Message(string program, string input, string message)
    {
        var ex = Assert.Throws<JqException>(() => Run(program, input));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Integers_StayIntegers()
    {
        var node = JqParser.Parse(".a + 1");
        var result = new JqEvaluator(TimeProvider.System, CancellationToken.None).Eval(node, JsonText.Parse("{\"a\":1}"), JqEnv.Empty).Single();
        Assert.Equal(ValueKind.Integer, JsonValues.Classify(result));
    }
}
