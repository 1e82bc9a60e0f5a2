namespace LlmSpell.State.Storage;

/// <summary>A write inside an atomic batch: <see cref="Json"/> null deletes the key.</summary>
public sealed record StateWrite(string Key, string? Json);
