namespace LlmSpell.State.Storage;

/// <summary>One versioned row of the state table: the serialised JSON value, its per-key version and write time.</summary>
public sealed record StateEntry(string Key, string Json, long Version, DateTimeOffset UpdatedAt);
