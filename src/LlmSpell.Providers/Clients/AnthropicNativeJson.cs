using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace LlmSpell.Providers.Clients;

/// <summary>
/// Lets the Anthropic SDK serialize its list-valued union members (message content, system blocks,
/// tool results) in the Native AOT build. The SDK keeps them as boxed <see cref="ImmutableArray{T}"/>
/// and serializes them through reflection-based System.Text.Json, whose immutable-collection
/// converter is a generic instantiation over a struct that only exists when the compiler saw it
/// ("ImmutableArray`1[ContentBlockParam] is not supported" in the native binary). This converter
/// is shared code over reference-type elements, compiled once (the static instance below), and is
/// added to the SDK's serializer options before the first request. Under the JIT it produces the
/// same JSON as the built-in converter.
/// </summary>
internal static class AnthropicNativeJson
{
    private static readonly ImmutableArrayJsonConverter<object> KeepSharedCode = new();
    private static int _prepared;

    /// <summary>Adds the converter to the SDK's options once per process (before they are first used).</summary>
    public static void Prepare()
    {
        if (Interlocked.Exchange(ref _prepared, 1) == 1)
        {
            return;
        }

        GC.KeepAlive(KeepSharedCode);
        var options = SdkOptions(null);
        if (!options.IsReadOnly)
        {
            options.Converters.Insert(0, new ImmutableArrayJsonConverterFactory());
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.StaticField, Name = "SerializerOptions")]
    private static extern ref JsonSerializerOptions SdkOptions(Anthropic.Core.ModelBase? owner);

    private sealed class ImmutableArrayJsonConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
            && !typeToConvert.GetGenericArguments()[0].IsValueType;

        [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Reference-type elements only: the shared code is compiled through KeepSharedCode.")]
        [UnconditionalSuppressMessage("Trimming", "IL2055", Justification = "The converter's only constructor is kept through KeepSharedCode.")]
        [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "The converter's only constructor is kept through KeepSharedCode.")]
        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ImmutableArrayJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class ImmutableArrayJsonConverter<T> : JsonConverter<ImmutableArray<T>>
    {
        public override ImmutableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var list = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<List<T>>)options.GetTypeInfo(typeof(List<T>)));
            return list is null ? default : [.. list];
        }

        public override void Write(Utf8JsonWriter writer, ImmutableArray<T> value, JsonSerializerOptions options)
        {
            var item = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
            writer.WriteStartArray();
            foreach (var x in value.IsDefault ? [] : value)
            {
                JsonSerializer.Serialize(writer, x, item);
            }

            writer.WriteEndArray();
        }
    }
}
