using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Tests.Utility;

public sealed class DiffAndValidationTests
{
    private readonly ToolHarness _h = new();

    [Fact]
    public async Task TextDiff_Unified_HasHeadersHunksAndStats()
    {
        var r = await _h.Run("diff_calculator", """{"old_text":"a\nb\nc\n","new_text":"a\nB\nc\nd\n"}""");
        Assert.Equal("text_diff", r["operation"]!.GetValue<string>());
        var result = r["result"]!;
        Assert.Equal("--- old\n+++ new\n@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\n", result["diff"]!.GetValue<string>());
        Assert.Equal("""{"old_lines":3,"new_lines":4,"added":2,"removed":1,"unchanged":2}""", result["stats"]!.ToJsonString());
    }

    [Fact]
    public async Task TextDiff_ContextLinesSplitHunks()
    {
        var old = string.Join("\n", Enumerable.Range(1, 20));
        var changed = old.Replace("\n2\n", "\nTWO\n", StringComparison.Ordinal).Replace("\n18\n", "\nEIGHTEEN\n", StringComparison.Ordinal);
        var p = new JsonObject { ["old_text"] = old, ["new_text"] = changed, ["context_lines"] = 1 }.ToJsonString();
        var diff = (await _h.Result("diff_calculator", p))["diff"]!.GetValue<string>();
        Assert.Contains("@@ -1,3 +1,3 @@\n 1\n-2\n+TWO\n 3\n", diff, StringComparison.Ordinal);
        Assert.Contains("@@ -17,3 +17,3 @@\n 17\n-18\n+EIGHTEEN\n 19\n", diff, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("simple", "- b\n+ B\n")]
    [InlineData("inline", "  a\n- b\n+ B\n")]
    [InlineData("context", "*** old\n--- new\n***************\n*** 1,2 ****\n  a\n- b\n--- 1,2 ----\n  a\n+ B\n")]
    public async Task TextDiff_OtherFormats(string format, string expected)
    {
        var r = await _h.Result("diff_calculator", $$"""{"old_text":"a\nb","new_text":"a\nB","format":"{{format}}"}""");
        Assert.Equal(expected, r["diff"]!.GetValue<string>());
    }

    [Fact]
    public async Task JsonDiff_ReportsPaths()
    {
        var r = await _h.Run("diff_calculator", """{"type":"json","old_json":{"a":1,"b":{"c":2,"d":3},"l":[1,2,3]},"new_json":{"a":1.0,"b":{"c":5},"l":[1,9],"e":true}}""");
        Assert.Equal("json_diff", r["operation"]!.GetValue<string>());
        var diff = r["result"]!["diff"]!;
        Assert.Equal("""{"e":true}""", diff["added"]!.ToJsonString());
        Assert.Equal("""{"b.d":3,"l[2]":3}""", diff["removed"]!.ToJsonString());
        Assert.Equal("""{"b.c":{"old":2,"new":5},"l[1]":{"old":2,"new":9}}""", diff["modified"]!.ToJsonString());
        Assert.Equal("""["a","l[0]"]""", diff["unchanged"]!.ToJsonString());
        Assert.Equal(2, r["result"]!["summary"]!["unchanged"]!.GetValue<int>());
    }

    [Fact]
    public async Task Diff_BadInput_Raises()
    {
        Assert.Equal("Tool 'diff_calculator' invalid parameters: missing required parameter 'old_text'", await _h.Raises("diff_calculator", """{"new_text":"x"}"""));
        Assert.Equal("Tool 'diff_calculator' invalid parameters: missing required parameter 'new_json'", await _h.Raises("diff_calculator", """{"type":"json","old_json":{}}"""));
        Assert.StartsWith("Tool 'diff_calculator' invalid parameters: parameter 'format': expected one of unified, context, inline, simple, got 'side'", await _h.Raises("diff_calculator", """{"old_text":"a","new_text":"b","format":"side"}"""), StringComparison.Ordinal);
        Assert.StartsWith("Tool 'diff_calculator' failed: security violation:", await _h.Raises("diff_calculator", """{"old_file":"/etc/passwd","new_text":"x"}"""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_PassesAndFailsWithPaths()
    {
        const string rules = """
            {"rules":[{"type":"object","required":["email","items"],"properties":{
              "email":[{"type":"email"}],
              "age":[{"type":"type","expected":"integer"},{"type":"range","min":0,"max":150}],
              "items":[{"type":"array","min_items":1,"unique":true,"item_rules":[{"type":"length","max":3}]}],
              "card":[{"type":"custom","name":"credit_card"}],
              "born":[{"type":"date","format":"%Y-%m-%d"}],
              "code":[{"type":"pattern","regex":"^[A-Z]{2}$"}],
              "kind":[{"type":"enum","values":["a","b"]}]}}]}
            """;
        var good = await _h.Run("data_validation", $$"""{"input":{"email":"a@b.io","age":30,"items":["x","yy"],"card":"4111 1111 1111 1111","born":"2000-02-29","code":"AB","kind":"a"},"rules":{{rules}}}""");
        Assert.Equal("Data validation passed", good["message"]!.GetValue<string>());
        Assert.True(good["result"]!["valid"]!.GetValue<bool>());
        var bad = await _h.Run("data_validation", $$"""{"input":{"email":"nope","age":200,"items":["x","x","long!"],"card":"4111 1111 1111 1112","born":"2001-02-29","code":"abc","kind":"z"},"rules":{{rules}}}""");
        Assert.True(bad["success"]!.GetValue<bool>());
        Assert.Equal("Data validation failed", bad["message"]!.GetValue<string>());
        var errors = bad["result"]!["errors"]!.AsArray().Select(e => $"{e!["field"]}:{e["rule"]}").ToList();
        Assert.Equal(["$.email:email", "$.age:range", "$.items[1]:array", "$.items[2]:length", "$.card:custom", "$.born:date", "$.code:pattern", "$.kind:enum"], errors);
    }

    [Fact]
    public async Task Validation_FailFastAndMaxErrors()
    {
        var ff = await _h.Result("data_validation", """{"input":[1,"a",true],"rules":[{"type":"array","item_rules":[{"type":"type","expected":"string"}]}],"fail_fast":true}""");
        Assert.Single(ff["errors"]!.AsArray());
        var max = await _h.Result("data_validation", """{"input":[1,2,3,4],"rules":[{"type":"array","item_rules":[{"type":"type","expected":"string"}]}],"max_errors":2}""");
        Assert.Equal(2, max["errors"]!.AsArray().Count);
        var req = await _h.Result("data_validation", """{"input":{"a":null},"rules":[{"type":"object","additional_properties":false,"properties":{"b":[{"type":"required"}]}}]}""");
        Assert.Equal("$.b", req["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Validation_MalformedRules_Raise()
    {
        Assert.Equal("Tool 'data_validation' invalid parameters: missing required parameter 'rules'", await _h.Raises("data_validation", """{"input":1}"""));
        Assert.StartsWith("Tool 'data_validation' invalid parameters: rule 1 at '$': unknown rule type 'shape'", await _h.Raises("data_validation", """{"input":1,"rules":[{"type":"shape"}]}"""), StringComparison.Ordinal);
        Assert.StartsWith("Tool 'data_validation' invalid parameters: rule at '$': invalid regular expression", await _h.Raises("data_validation", """{"input":"x","rules":[{"type":"pattern","regex":"("}]}"""), StringComparison.Ordinal);
        Assert.StartsWith("Tool 'data_validation' invalid parameters: rule at '$': unknown custom validator 'iban'", await _h.Raises("data_validation", """{"input":"x","rules":[{"type":"custom","name":"iban"}]}"""), StringComparison.Ordinal);
        Assert.Equal("Tool 'data_validation' invalid parameters: parameter 'rules': expected an array of rules", await _h.Raises("data_validation", """{"input":1,"rules":"x"}"""));
    }
}
