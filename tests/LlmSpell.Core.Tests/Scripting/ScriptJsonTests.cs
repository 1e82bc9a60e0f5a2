using System.Text.Json.Nodes;
using LlmSpell.Scripting;
using LlmSpell.Values;

namespace LlmSpell.Core.Tests.Scripting;

public sealed class ScriptJsonTests
{
    [Fact]
    public void Function_TryGetValue_ReturnsTheSameFunction()
    {
        var fn = new FakeFunction();
        var node = ScriptJson.Function(fn);
        Assert.True(node.TryGetValue<IScriptFunction>(out var back));
        Assert.Same(fn, back);
        Assert.Equal(ValueKind.Null, JsonValues.Classify(node));
    }

    [Fact]
    public void Function_SerializedOrCloned_IsItsLocation()
    {
        var node = new JsonObject { ["f"] = ScriptJson.Function(new FakeFunction()) };
        Assert.Equal("""{"f":{"Location":"test.lua:3"}}""", node.ToJsonString());
        Assert.Equal("""{"Location":"test.lua:3"}""", node.DeepClone()["f"]!.ToJsonString());
    }

    [Fact]
    public void NamedTable_TryGetValue_AndSerializedShape()
    {
        var table = new NamedTable(new JsonObject { ["a"] = 1 }, "Thing");
        var node = ScriptJson.Named(table);
        Assert.True(node.TryGetValue<NamedTable>(out var back));
        Assert.Same(table, back);
        Assert.Equal("""{"Table":{"a":1},"DisplayName":"Thing"}""", node.ToJsonString());
    }

    [Fact]
    public void Bytes_TryGetValue_AndBase64WhenSerialized()
    {
        byte[] bytes = [0, 1, 255];
        var node = ScriptJson.Bytes(bytes);
        Assert.True(node.TryGetValue<byte[]>(out var back));
        Assert.Same(bytes, back);
        Assert.Equal("\"AAH/\"", node.ToJsonString());
        Assert.Equal("AAH/", node.DeepClone().GetValue<string>());
    }

    [Fact]
    public void Object_TryGetValue_ReturnsTheSameObject_AndObjectsWithMethodsAreNotSerialized()
    {
        var obj = new FakeObject();
        var node = ScriptJson.Object(obj);
        Assert.True(node.TryGetValue<ScriptObject>(out var back));
        Assert.Same(obj, back);
        Assert.Throws<NotSupportedException>(() => node.ToJsonString());
    }

    private sealed class FakeFunction : IScriptFunction
    {
        public string Location => "test.lua:3";

        public object? Call(params object?[] args) => null;

        public object? CallWithCancellation(CancellationToken cancellationToken, params object?[] args) => null;
    }

    private sealed class FakeObject : ScriptObject
    {
        private static readonly ScriptObjectType Kind = new ScriptObjectType("Fake").Method("go", (_, _) => null);

        public override ScriptObjectType Type => Kind;
    }
}
