namespace LlmSpell.Cli.Commands;

/// <summary>Starter configurations written by <c>llmspell init</c>; every one loads without warnings.</summary>
internal static class ConfigTemplates
{
    public static readonly string[] Names = ["minimal", "providers", "state", "sessions", "rag"];

    private const string Header = """
        # llmspell configuration — see docs/configuration.md for every key and its default.
        # Values may reference environment variables: "${NAME}" or "${NAME:-default}".

        default_engine = "lua"

        [engines.lua]
        stdlib = "all"                 # all | standard | basic | none
        security_level = "unrestricted" # unrestricted | privileged | safe

        [runtime]
        script_timeout_seconds = 0     # 0 = no limit

        [tools.file_operations]
        allowed_paths = ["/tmp"]       # the file sandbox roots of every path-taking tool

        """;

    private const string Providers = """

        [providers]
        default_provider = "openai"

        [providers.openai]
        provider_type = "openai"
        api_key_env = "OPENAI_API_KEY"  # never put keys in this file; set the variable instead
        default_model = "gpt-4o-mini"
        # base_url = "http://localhost:8000/v1"   # any OpenAI-compatible server

        [providers.anthropic]
        provider_type = "anthropic"
        api_key_env = "ANTHROPIC_API_KEY"
        default_model = "claude-3-5-haiku-latest"

        # Offline replies for examples and tests: agents built with model "mock/echo".
        [providers.mock]
        provider_type = "mock"

        """;

    private const string State = """

        [runtime.state_persistence]
        enabled = true
        backend_type = "sqlite"        # memory | sqlite | postgres
        path = "./.llmspell/state.db"
        max_state_size_bytes = 10000000

        """;

    private const string Sessions = """

        [runtime.sessions]
        enabled = true
        storage_backend = "sqlite"
        max_sessions = 100
        session_timeout_seconds = 3600

        """;

    private const string Rag = """

        [rag]
        enabled = true

        [rag.vector_storage]
        dimensions = 384
        backend = "hnsw"
        persistence_path = "./.llmspell/rag"

        [rag.embedding]
        default_provider = "local"     # offline hashing embedder; or "openai" / "ollama"

        """;

    public static string Render(string template) => template switch
    {
        "minimal" => Header,
        "state" => Header + State,
        "sessions" => Header + State + Sessions,
        "rag" => Header + Rag,
        _ => Header + Providers,
    };
}
