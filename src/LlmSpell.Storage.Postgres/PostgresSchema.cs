namespace LlmSpell.Storage.Postgres;

/// <summary>DDL for the PostgreSQL backend; created under an advisory lock so concurrent first starts do not collide.</summary>
internal static class PostgresSchema
{
    public const long LockId = 0x4C4C_4D53_5045_4C4C;

    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS llmspell_state (key TEXT PRIMARY KEY, value JSONB NOT NULL, version BIGINT NOT NULL, updated_at TIMESTAMPTZ NOT NULL);
        CREATE TABLE IF NOT EXISTS llmspell_state_history (key TEXT NOT NULL, version BIGINT NOT NULL, value JSONB NOT NULL, updated_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (key, version));
        CREATE OR REPLACE FUNCTION llmspell_state_history_fn() RETURNS trigger AS $$
        BEGIN
          INSERT INTO llmspell_state_history VALUES (NEW.key, NEW.version, NEW.value, NEW.updated_at)
            ON CONFLICT (key, version) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at;
          DELETE FROM llmspell_state_history WHERE key = NEW.key AND version <= NEW.version - 20;
          RETURN NEW;
        END $$ LANGUAGE plpgsql;
        CREATE OR REPLACE TRIGGER llmspell_state_history_trg AFTER INSERT OR UPDATE ON llmspell_state FOR EACH ROW EXECUTE FUNCTION llmspell_state_history_fn();
        CREATE TABLE IF NOT EXISTS llmspell_records (collection TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (collection, id));
        CREATE TABLE IF NOT EXISTS llmspell_blobs (hash TEXT PRIMARY KEY, data BYTEA NOT NULL, compressed BOOLEAN NOT NULL);
        """;
}
