namespace LlmSpell.State.Storage;

/// <summary>Where a backend keeps its data: a SQLite file path or a PostgreSQL connection string.</summary>
public sealed record StorageOptions(string? Path, string? ConnectionString, TimeProvider Time);
