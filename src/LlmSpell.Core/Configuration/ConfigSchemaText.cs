namespace LlmSpell.Configuration;

/// <summary>
/// The TOML schema of cli-and-config.md §5, one key per line: <c>path type [= default]</c>.
/// Types: str, int, float, bool, path, strs (array of strings), ints, map (free-form table,
/// never warned about), any, enum:a|b|c. A <c>*</c> segment matches any name (provider entries,
/// tool sections, tenants). Keys marked <c>compat</c> are accepted for compatibility and have no
/// effect. Kept as text so the schema reads like the spec table it mirrors.
/// </summary>
internal static class ConfigSchemaText
{
    public const string Text = """
        default_engine enum:lua|javascript|js|python = lua
        engines.lua.stdlib enum:all|full|standard|basic|none = all
        engines.lua.security_level enum:unrestricted|privileged|safe = unrestricted
        engines.lua.max_memory_bytes int = 0
        engines.lua.timeout_ms int = 0
        engines.lua.enable_debug bool = false
        engines.javascript.strict_mode any compat
        engines.javascript.max_heap_size_bytes any compat
        engines.javascript.enable_console any compat
        engines.javascript.timeout_ms any compat
        engines.javascript.security_level any compat

        providers.default_provider str = openai
        providers.*.provider_type str
        providers.*.enabled bool = true
        providers.*.api_key str
        providers.*.api_key_env str
        providers.*.base_url str
        providers.*.default_model str
        providers.*.model str
        providers.*.embedding_model str
        providers.*.max_tokens int
        providers.*.temperature float
        providers.*.timeout_seconds int = 120
        providers.*.max_retries int = 3
        providers.*.organization str
        providers.*.api_version str
        providers.*.max_context_tokens int
        providers.*.extra_headers map
        providers.*.extra_body map
        providers.*.rate_limit.requests_per_minute int
        providers.*.rate_limit.tokens_per_minute int
        providers.*.retry.max_retries int
        providers.*.retry.initial_delay_ms int = 1000
        providers.*.retry.max_delay_ms int = 30000
        providers.*.responses strs
        providers.*.name str compat
        providers.*.max_cost_usd float
        providers.*.prices map
        providers.*.cache.enabled bool = false
        providers.*.cache.ttl_seconds int = 3600
        providers.*.cache.max_entries int = 1000
        providers.*.fallback strs
        providers.*.circuit_breaker.failure_threshold int = 5
        providers.*.circuit_breaker.break_seconds int = 30

        runtime.max_concurrent_scripts int = 10
        runtime.script_timeout_seconds int = 0
        runtime.enable_streaming bool = true
        runtime.max_concurrency int = 8
        runtime.log_level enum:error|warn|info|debug|trace = warn
        runtime.max_cost_usd float
        runtime.response_cache.enabled bool = false
        runtime.response_cache.ttl_seconds int = 3600
        runtime.response_cache.max_entries int = 1000
        runtime.security.allow_file_access bool = true
        runtime.security.allow_network_access bool = true
        runtime.security.allow_process_spawn bool = true
        runtime.security.max_memory_bytes int = 0
        runtime.security.max_execution_time_ms int = 0
        runtime.security.script_permissions strs = []
        runtime.state_persistence.enabled bool = true
        runtime.state_persistence.backend_type enum:memory|sqlite|file|postgres = memory
        runtime.state_persistence.path path
        runtime.state_persistence.schema_directory path
        runtime.state_persistence.connection_string str
        runtime.state_persistence.max_state_size_bytes int = 10000000
        runtime.state_persistence.max_key_length int = 512
        runtime.state_persistence.migration_enabled bool = false
        runtime.state_persistence.backup_on_migration bool = true
        runtime.state_persistence.backup_enabled bool = false
        runtime.state_persistence.backup.backup_dir path = ./backups
        runtime.state_persistence.backup.compression_enabled bool = true
        runtime.state_persistence.backup.compression_type enum:zstd|gzip|brotli|none|lz4 = zstd
        runtime.state_persistence.backup.compression_level int = 3
        runtime.state_persistence.backup.incremental_enabled bool = true
        runtime.state_persistence.backup.max_backups int = 10
        runtime.state_persistence.backup.max_backup_age int = 2592000
        runtime.sessions.enabled bool = false
        runtime.sessions.max_sessions int = 100
        runtime.sessions.max_artifacts_per_session int = 1000
        runtime.sessions.artifact_compression_threshold int = 10240
        runtime.sessions.session_timeout_seconds int = 3600
        runtime.sessions.storage_backend enum:memory|sqlite|file|postgres
        runtime.sessions.storage_path path
        runtime.sessions.connection_string str
        runtime.sessions.hook_log_enabled bool = true
        runtime.sessions.max_hook_log_entries int = 10000
        runtime.sessions.max_artifact_size_bytes int = 104857600

        tools.enabled bool = true
        tools.rate_limit_per_minute int = 0
        tools.*.enabled bool = true
        tools.file_operations.allowed_paths strs = ["/tmp"]
        tools.file_operations.max_file_size int = 50000000
        tools.file_operations.atomic_writes bool = true
        tools.file_operations.max_depth int = 10
        tools.file_operations.allowed_extensions strs = []
        tools.file_operations.blocked_extensions strs = ["exe", "dll", "so", "dylib"]
        tools.file_operations.validate_file_types bool = true
        tools.network.allowed_hosts strs = ["*"]
        tools.network.blocked_hosts strs = []
        tools.network.blocked_ports ints = [22, 23, 25, 110, 135, 139, 445, 1433, 3306, 3389, 5432, 5900, 6379, 9200, 11211, 27017]
        tools.network.block_private_addresses bool = true
        tools.network.timeout_seconds int = 30
        tools.network.max_retries int = 3
        tools.network.verify_ssl bool = true
        tools.network.user_agent str
        tools.network.max_redirects int = 5
        tools.network.max_response_bytes int = 10000000
        tools.http_request.allowed_hosts strs
        tools.http_request.blocked_hosts strs
        tools.http_request.max_request_size int = 10000000
        tools.http_request.timeout_seconds int = 30
        tools.http_request.max_redirects int = 5
        tools.http_request.default_headers map
        tools.web_search.provider str = duckduckgo
        tools.web_search.fallback_providers strs = ["duckduckgo"]
        tools.web_search.max_results int = 10
        tools.web_search.rate_limit_per_minute int = 30
        tools.web_search.timeout_seconds int = 30
        tools.web_search.allowed_domains strs = ["*"]
        tools.web_search.blocked_domains strs = []
        tools.web_search.brave_api_key str
        tools.web_search.google_api_key str
        tools.web_search.google_search_engine_id str
        tools.web_search.serpapi_api_key str
        tools.web_search.serper_api_key str
        tools.web_search.tavily_api_key str
        tools.web_search.endpoints map
        tools.system.allow_process_execution bool = true
        tools.system.allowed_commands strs = ["echo", "cat", "ls", "pwd", "whoami", "date", "uname", "which", "test", "head", "tail", "wc", "grep", "find", "sort", "uniq"]
        tools.system.blocked_commands strs = ["rm", "rmdir", "mv", "cp", "chmod", "chown", "sudo", "su", "passwd", "ssh", "scp", "curl", "wget", "nc", "netcat", "nmap", "dd", "mkfs", "fdisk", "mount", "umount", "systemctl", "service", "kill", "killall", "pkill", "sh", "bash", "zsh", "dash", "fish", "python", "python3", "perl", "ruby", "node"]
        tools.system.command_timeout_seconds int = 30
        tools.system.max_output_size int = 1048576
        tools.system.allowed_env_vars strs = ["PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TERM"]
        tools.system.allowed_env_vars_read strs = []
        tools.system.blocked_env_vars strs = []
        tools.system.allow_env_set bool = false
        tools.service_checker.allowed_hosts strs = ["localhost", "127.0.0.1", "::1"]
        tools.service_checker.allowed_ports ints = [22, 25, 53, 80, 110, 143, 443, 993, 995, 1433, 3000, 3306, 5000, 5432, 6379, 8000, 8080, 8443, 9000, 9200, 11434]
        tools.service_checker.blocked_ports ints = [7, 9, 13, 17, 19, 21, 135, 139, 445, 1900, 5353]
        tools.email.smtp_host str
        tools.email.smtp_port int = 587
        tools.email.smtp_username str
        tools.email.smtp_password str
        tools.email.smtp_password_env str
        tools.email.from_address str
        tools.email.security enum:starttls|tls|none = starttls
        tools.email.timeout_seconds int = 30
        tools.email.rate_limit_per_minute int = 30
        tools.database.query_timeout_seconds int = 30
        tools.database.max_rows int = 1000
        tools.database.connection_timeout_seconds int = 10
        tools.database.enable_query_logging bool = false
        tools.database.connections map
        tools.media.max_file_size int = 500000000
        tools.media.image_max_dimensions int = 10000
        tools.media.processing_timeout_seconds int = 60
        tools.media.ffmpeg_path path
        tools.data.max_csv_size int = 100000000
        tools.data.max_json_depth int = 128
        tools.document.max_pdf_size int = 50000000
        tools.document.max_pages int = 1000
        tools.academic.default_citation_style str = apa

        hooks.enabled bool = true
        hooks.timeout_ms int = 5000
        hooks.fail_on_error bool = false
        hooks.circuit_breaker_failures int = 5
        hooks.rate_limit_per_minute any compat
        hooks.circuit_breaker_threshold any compat

        events.enabled bool = true
        events.buffer_size int = 10000
        events.emit_timing_events bool = true
        events.emit_state_events bool = false
        events.emit_debug_events bool = false
        events.max_events_per_second int = 0
        events.filtering.include_types strs = ["*"]
        events.filtering.exclude_types strs = []
        events.filtering.include_components strs = ["*"]
        events.filtering.exclude_components strs = []
        events.export.stdout bool = false
        events.export.file path
        events.export.webhook str
        events.export.pretty_json bool = false

        telemetry.enabled bool = false
        telemetry.exporter enum:otlp|console|file
        telemetry.endpoint str
        telemetry.protocol enum:grpc|http/protobuf
        telemetry.headers map
        telemetry.file path
        telemetry.service_name str
        telemetry.sampling_ratio float = 1.0
        telemetry.record_content bool = false
        telemetry.traces bool = true
        telemetry.metrics bool = true
        telemetry.logs bool = true
        telemetry.metric_export_interval_ms int = 10000

        debug.enabled bool = true
        debug.level enum:off|error|warn|info|debug|trace = info
        debug.output.stdout bool = true
        debug.output.stderr bool = false
        debug.output.colored any = auto
        debug.output.format enum:text|json = text
        debug.output.file.path path
        debug.output.file.append bool = true
        debug.output.file.max_size_bytes int
        debug.output.file.max_files int
        debug.output.buffer.enabled bool = true
        debug.output.buffer.max_entries int = 10000
        debug.module_filters.enabled strs = []
        debug.module_filters.disabled strs = []
        debug.module_filters.levels map
        debug.performance.enabled bool = false
        debug.performance.auto_report_interval int = 0
        debug.performance.min_duration_ms int = 1
        debug.stack_trace.enabled bool = false
        debug.stack_trace.on_error bool = false
        debug.stack_trace.max_depth int = 50
        debug.stack_trace.include_source bool = true

        rag.enabled bool = false
        rag.multi_tenant bool = false
        rag.session_ttl_seconds int = 3600
        rag.vector_storage.dimensions int = 384
        rag.vector_storage.backend enum:hnsw|pgvector = hnsw
        rag.vector_storage.persistence_path path
        rag.vector_storage.auto_save bool = true
        rag.vector_storage.connection_string str
        rag.vector_storage.max_memory_mb int = 500
        rag.vector_storage.hnsw.m int = 16
        rag.vector_storage.hnsw.ef_construction int = 200
        rag.vector_storage.hnsw.ef_search int = 50
        rag.vector_storage.hnsw.max_elements int = 1000000
        rag.vector_storage.hnsw.metric enum:cosine|euclidean|inner_product|innerproduct|dot = cosine
        rag.vector_storage.hnsw.seed int
        rag.vector_storage.hnsw.num_threads any compat
        rag.vector_storage.hnsw.nb_layers any compat
        rag.vector_storage.hnsw.parallel_batch_size any compat
        rag.vector_storage.hnsw.allow_replace_deleted any compat
        rag.vector_storage.hnsw.enable_mmap any compat
        rag.vector_storage.hnsw.mmap_sync_interval any compat
        rag.embedding.default_provider str = local
        rag.embedding.model str
        rag.embedding.cache_enabled bool = true
        rag.embedding.cache_size int = 10000
        rag.embedding.cache_ttl_seconds int = 3600
        rag.embedding.batch_size int = 32
        rag.embedding.timeout_seconds int = 30
        rag.embedding.max_retries int = 3
        rag.chunking.strategy enum:sliding_window|sentence|semantic = sliding_window
        rag.chunking.chunk_size int = 512
        rag.chunking.overlap int = 64
        rag.chunking.max_chunk_size int = 2048
        rag.chunking.min_chunk_size int = 100
        rag.search.default_limit int = 10
        rag.search.max_limit int = 100
        rag.search.default_threshold float
        rag.cache.search_cache_enabled bool = true
        rag.cache.search_cache_size int = 1000
        rag.cache.search_cache_ttl_seconds int = 300
        rag.cache.document_cache_enabled bool = true
        rag.cache.document_cache_size_mb int = 100
        rag.tenancy.max_vectors int = 0
        rag.tenancy.max_documents int = 0
        rag.tenancy.max_storage_mb int = 0
        rag.tenancy.ingests_per_minute int = 0
        rag.tenancy.searches_per_minute int = 0
        rag.tenancy.vector_ttl_seconds int = 0
        rag.tenancy.tenants map
        """;
}
