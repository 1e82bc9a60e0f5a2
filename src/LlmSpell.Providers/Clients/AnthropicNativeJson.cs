using System.Collections.Frozen;
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
    private static readonly NullableImmutableArrayJsonConverter<object> KeepSharedNullableCode = new();
    private static int _prepared;

    /// <summary>Adds the converter to the SDK's options once per process (before they are first used).</summary>
    public static void Prepare()
    {
        if (Interlocked.Exchange(ref _prepared, 1) == 1)
        {
            return;
        }

        GC.KeepAlive(KeepSharedCode);
        GC.KeepAlive(KeepSharedNullableCode);
        var options = SdkOptions(null);
        if (!options.IsReadOnly)
        {
            options.Converters.Insert(0, new ImmutableArrayJsonConverterFactory());
            options.Converters.Insert(0, new RawDataConverter<IReadOnlyDictionary<string, JsonElement>>(d => d));
            options.Converters.Insert(0, new RawDataConverter<Dictionary<string, JsonElement>>(d => d));
            options.Converters.Insert(0, new RawDataConverter<IDictionary<string, JsonElement>>(d => d));
            options.Converters.Insert(0, new RawDataConverter<FrozenDictionary<string, JsonElement>>(d => d.ToFrozenDictionary(StringComparer.Ordinal)));
            options.Converters.Insert(0, new ElementListConverter());
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.StaticField, Name = "SerializerOptions")]
    private static extern ref JsonSerializerOptions SdkOptions(Anthropic.Core.ModelBase? owner);

    private sealed class ImmutableArrayJsonConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => Element(typeToConvert) is not null;

        // ImmutableArray<T> or ImmutableArray<T>? with a reference-type T: (T, nullable), else null.
        private static (Type Element, bool Nullable)? Element(Type t)
        {
            var nullable = Nullable.GetUnderlyingType(t) is { } inner;
            var array = nullable ? Nullable.GetUnderlyingType(t)! : t;
            return array.IsGenericType && array.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
                && !array.GetGenericArguments()[0].IsValueType
                ? (array.GetGenericArguments()[0], nullable)
                : null;
        }

        [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Reference-type elements only: the shared code is compiled through KeepSharedCode.")]
        [UnconditionalSuppressMessage("Trimming", "IL2055", Justification = "The converter's only constructor is kept through KeepSharedCode.")]
        [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "The converter's only constructor is kept through KeepSharedCode.")]
        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        {
            var (element, nullable) = Element(typeToConvert)!.Value;
            return (JsonConverter)Activator.CreateInstance(
                (nullable ? typeof(NullableImmutableArrayJsonConverter<>) : typeof(ImmutableArrayJsonConverter<>)).MakeGenericType(element))!;
        }
    }

    /// <summary>The SDK's raw-data maps (<c>string → JsonElement</c>): a struct value type, so no shared code.</summary>
    private sealed class RawDataConverter<TMap>(Func<Dictionary<string, JsonElement>, TMap> create) : JsonConverter<TMap>
        where TMap : IEnumerable<KeyValuePair<string, JsonElement>>
    {
        public override TMap Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            var map = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    map[p.Name] = p.Value.Clone();
                }
            }

            return create(map);
        }

        public override void Write(Utf8JsonWriter writer, TMap value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (k, v) in value)
            {
                writer.WritePropertyName(k);
                v.WriteTo(writer);
            }

            writer.WriteEndObject();
        }
    }

    /// <summary>Lists of raw JSON values (<c>IReadOnlyList&lt;JsonElement&gt;</c>), also boxed as ImmutableArray.</summary>
    private sealed class ElementListConverter : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert == typeof(IReadOnlyList<JsonElement>) || typeToConvert == typeof(ImmutableArray<JsonElement>)
            || typeToConvert == typeof(List<JsonElement>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            typeToConvert == typeof(ImmutableArray<JsonElement>) ? new ElementList<ImmutableArray<JsonElement>>(l => [.. l])
            : typeToConvert == typeof(List<JsonElement>) ? new ElementList<List<JsonElement>>(l => l)
            : new ElementList<IReadOnlyList<JsonElement>>(l => l);
    }

    private sealed class ElementList<TList>(Func<List<JsonElement>, TList> create) : JsonConverter<TList>
        where TList : IEnumerable<JsonElement>
    {
        public override TList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            var list = new List<JsonElement>();
            if (doc.RootElement.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in doc.RootElement.EnumerateArray())
                {
                    list.Add(e.Clone());
                }
            }

            return create(list);
        }

        public override void Write(Utf8JsonWriter writer, TList value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var e in value)
            {
                e.WriteTo(writer);
            }

            writer.WriteEndArray();
        }
    }

    private sealed class NullableImmutableArrayJsonConverter<T> : JsonConverter<ImmutableArray<T>?>
    {
        private static readonly ImmutableArrayJsonConverter<T> Inner = new();

        public override bool HandleNull => true;

        public override ImmutableArray<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : Inner.Read(ref reader, typeof(ImmutableArray<T>), options);

        public override void Write(Utf8JsonWriter writer, ImmutableArray<T>? value, JsonSerializerOptions options)
        {
            if (value is { } v)
            {
                Inner.Write(writer, v, options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
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
