using System.Text.Json.Nodes;
using LlmSpell.Components;

namespace LlmSpell.Core.Tests.Components;

public sealed class ComponentOutputTests
{
    [Fact]
    public void Envelope_IsFlattenedWithRawTextAndMergedMetadata()
    {
        var output = ComponentOutput.Envelope(new JsonObject
        {
            ["operation"] = "hash",
            ["success"] = true,
            ["result"] = new JsonObject { ["hash"] = "abc" },
            ["metadata"] = new JsonObject { ["tool"] = "env", ["extra"] = 1 },
        });
        output.Metadata["tool"] = "hash_calculator";
        var t = output.ToScriptValue();
        Assert.Equal("hash", t["operation"]!.GetValue<string>());
        Assert.Equal("abc", t["result"]!["hash"]!.GetValue<string>());
        Assert.Null(t["text"]);
        Assert.StartsWith("{\n  \"operation\": \"hash\",", t["_raw_text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("hash_calculator", t["metadata"]!["tool"]!.GetValue<string>());
        Assert.Equal(1, t["metadata"]!["extra"]!.GetValue<int>());
    }

    [Fact]
    public void Reply_ParsesJsonBodiesIntoData_ButKeepsText()
    {
        var t = ComponentOutput.Reply(" {\"a\": [1, 2]} ").ToScriptValue();
        Assert.Equal(" {\"a\": [1, 2]} ", t["text"]!.GetValue<string>());
        Assert.Equal(2, t["data"]!["a"]!.AsArray().Count);
        Assert.Null(ComponentOutput.Reply("Paris.").ToScriptValue()["data"]);
    }

    [Fact]
    public void ProseFailure_HasSuccessFalseAndStringError_AndNoText()
    {
        var t = ComponentOutput.ProseFailure("Tool 'file_operations' failed: read: file not found: /tmp/x").ToScriptValue();
        Assert.False(t["success"]!.GetValue<bool>());
        Assert.Equal("Tool 'file_operations' failed: read: file not found: /tmp/x", t["error"]!.GetValue<string>());
        Assert.Null(t["text"]);
    }

    [Fact]
    public void Json_HasDataAndCompactText()
    {
        var t = ComponentOutput.Json(new JsonObject { ["b"] = 1, ["a"] = 2 }).ToScriptValue();
        Assert.Equal("{\"a\":2,\"b\":1}", t["text"]!.GetValue<string>());
        Assert.Equal(2, t["data"]!["a"]!.GetValue<int>());
    }
}
