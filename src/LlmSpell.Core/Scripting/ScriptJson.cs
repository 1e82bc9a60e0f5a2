using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace LlmSpell.Scripting;

/// <summary>
/// Wraps host objects (functions, userdata, named tables, byte strings) in <see cref="JsonValue"/> nodes
/// so they travel inside the neutral value model; <c>TryGetValue&lt;T&gt;</c> returns them unchanged.
/// </summary>
/// <remarks>
/// The type metadata is built here without reflection (Native AOT). When such a node is serialized
/// (<c>DeepClone</c>, <c>ToJsonString</c>) it writes the same shape the reflection serializer wrote
/// before: a function as <c>{"Location": ...}</c>, a named table as <c>{"Table": ..., "DisplayName": ...}</c>,
/// bytes as base64.
/// </remarks>
public static class ScriptJson
{
    // An empty resolver: every type used here comes with its own converter.
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = JsonTypeInfoResolver.Combine() };

    private static readonly JsonTypeInfo<IScriptFunction> FunctionInfo =
        JsonMetadataServices.CreateValueInfo<IScriptFunction>(Options, new ScriptFunctionJsonConverter());

    private static readonly JsonTypeInfo<ScriptObject> ObjectInfo =
        JsonMetadataServices.CreateValueInfo<ScriptObject>(Options, new ScriptObjectJsonConverter());

    private static readonly JsonTypeInfo<NamedTable> NamedTableInfo =
        JsonMetadataServices.CreateValueInfo<NamedTable>(Options, new NamedTableJsonConverter());

    private static readonly JsonTypeInfo<byte[]?> BytesInfo =
        JsonMetadataServices.CreateValueInfo<byte[]?>(Options, JsonMetadataServices.ByteArrayConverter);

    /// <summary>A node carrying a script function.</summary>
    public static JsonValue Function(IScriptFunction function) => JsonValue.Create(function, FunctionInfo)!;

    /// <summary>A node carrying a script object (userdata).</summary>
    public static JsonValue Object(ScriptObject obj) => JsonValue.Create(obj, ObjectInfo)!;

    /// <summary>A node carrying a table with a display name.</summary>
    public static JsonValue Named(NamedTable table) => JsonValue.Create(table, NamedTableInfo)!;

    /// <summary>A node carrying a byte string.</summary>
    public static JsonValue Bytes(byte[] bytes) => JsonValue.Create<byte[]?>(bytes, BytesInfo)!;
}
