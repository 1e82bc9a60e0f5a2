namespace LlmSpell.TestUtilities;

/// <summary>A span as an OTLP receiver decoded it: name, ids and attributes (values as strings, numbers or booleans).</summary>
public sealed record OtlpSpan(string Name, string TraceId, string SpanId, string ParentSpanId, IReadOnlyDictionary<string, object?> Attributes, IReadOnlyList<string> Events);
