using LlmSpell.Configuration;

namespace LlmSpell.Core.Tests.Configuration;

public sealed class ConfigLoaderTests
{
    private static readonly Dictionary<string, string> NoEnv = [];

    private static ConfigLoadResult Load(string toml, Dictionary<string, string>? env = null) =>
        ConfigLoader.FromText(toml, "test.toml", env ?? NoEnv);

    [Fact]
    public void Defaults_AreMaterialised()
    {
        var c = Load("").Config;
        Assert.Equal(384, c.GetInt("rag.vector_storage.dimensions"));
        Assert.Equal("all", c.GetString("engines.lua.stdlib"));
        Assert.Equal(["/tmp"], c.GetStrings("tools.file_operations.allowed_paths"));
        Assert.Equal("memory", c.GetString("runtime.sessions.storage_backend"));
        Assert.Equal("./.llmspell/llmspell.db", c.GetString("runtime.state_persistence.path"));
    }

    [Fact]
    public void UnknownKey_WarnsWithFileLineColumn_AndIsIgnored()
    {
        var r = Load("[runtime]\nlog_levels = \"x\"\n");
        Assert.True(r.IsValid);
        Assert.Contains("test.toml:2:1: unknown configuration key 'runtime.log_levels' (ignored)", r.Warnings);
        Assert.Null(r.Config.Get("runtime.log_levels"));
    }

    [Fact]
    public void LegacySections_AreWarnedNotAliased()
    {
        var r = Load("[state]\nenabled = true\n[providers.openai]\napi_base = \"http://x\"\n");
        Assert.True(r.IsValid);
        Assert.Contains(r.Warnings, w => w.Contains("'state.enabled'", StringComparison.Ordinal));
        Assert.Contains(r.Warnings, w => w.Contains("'providers.openai.api_base'", StringComparison.Ordinal));
        Assert.Null(r.Config.GetString("providers.openai.base_url"));
    }

    [Fact]
    public void WrongType_FailsWithLocation()
    {
        var r = Load("[rag.vector_storage]\ndimensions = \"big\"\n");
        Assert.False(r.IsValid);
        Assert.Equal("configuration error: test.toml:2:1: 'rag.vector_storage.dimensions' expects an integer, found a string", r.Errors[0]);
    }

    [Fact]
    public void IntegralFloat_IsAcceptedForIntegerKey_AndIntegerForFloatKey()
    {
        var r = Load("[runtime]\nscript_timeout_seconds = 5.0\n[providers.openai]\ntemperature = 1\n");
        Assert.True(r.IsValid, string.Join(";", r.Errors));
        Assert.Equal(5, r.Config.GetInt("runtime.script_timeout_seconds"));
        Assert.Equal(1.0, r.Config.GetDouble("providers.openai.temperature"));
    }

    [Fact]
    public void Enum_IsCaseInsensitive_AndInvalidValueListsChoices()
    {
        Assert.Equal("safe", Load("[engines.lua]\nsecurity_level = \"Safe\"\n").Config.GetString("engines.lua.security_level"));
        Assert.Equal("all", Load("[engines.lua]\nstdlib = \"Full\"\n").Config.GetString("engines.lua.stdlib"));
        var bad = Load("[engines.lua]\nstdlib = \"everything\"\n");
        Assert.Contains("'engines.lua.stdlib' must be one of all, standard, basic, none (found 'everything')", bad.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void SyntaxError_ReportsFileLineColumn()
    {
        var r = Load("a = = 1\n");
        Assert.False(r.IsValid);
        Assert.StartsWith("configuration error: test.toml:1:5:", r.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ProviderLayouts_BothConfigureProviders()
    {
        var r = Load("[providers.openai]\ndefault_model = \"gpt-4o\"\n[providers.providers.anthropic]\nprovider_type = \"anthropic\"\n");
        Assert.True(r.IsValid, string.Join(";", r.Errors));
        Assert.Equal(["anthropic", "openai"], r.Config.ProviderNames);
        Assert.Equal(120, r.Config.GetInt("providers.anthropic.timeout_seconds"));
    }

    [Fact]
    public void ProviderInBothLayouts_IsAnError()
    {
        var r = Load("[providers.openai]\nmodel = \"a\"\n[providers.providers.openai]\nmodel = \"b\"\n");
        Assert.Contains(r.Errors, e => e.Contains("defined in both", StringComparison.Ordinal));
    }

    [Fact]
    public void EnvironmentReferences_AreSubstituted_AndUnsetOnesWarn()
    {
        var r = Load("[runtime.state_persistence]\nconnection_string = \"${PG:-host=x}\"\n[tools.email]\nsmtp_host = \"${MISSING}\"\nfrom_address = \"$${literal}\"\n");
        Assert.Equal("host=x", r.Config.GetString("runtime.state_persistence.connection_string"));
        Assert.Equal("", r.Config.GetString("tools.email.smtp_host"));
        Assert.Equal("${literal}", r.Config.GetString("tools.email.from_address"));
        Assert.Contains(r.Warnings, w => w.Contains("'MISSING' is not set", StringComparison.Ordinal));
    }

    [Fact]
    public void GenericAndNamedOverrides_ApplyInOrder()
    {
        var env = new Dictionary<string, string>
        {
            ["LLMSPELL__RAG__VECTOR_STORAGE__DIMENSIONS"] = "768",
            ["LLMSPELL_RAG_DIMENSIONS"] = "1024",
            ["LLMSPELL__TOOLS__FILE_OPERATIONS__ALLOWED_PATHS"] = "/tmp,/var/tmp",
            ["LLMSPELL_ALLOW_NETWORK_ACCESS"] = "off",
        };
        var c = Load("", env).Config;
        Assert.Equal(1024, c.GetInt("rag.vector_storage.dimensions"));
        Assert.Equal(["/tmp", "/var/tmp"], c.GetStrings("tools.file_operations.allowed_paths"));
        Assert.False(c.GetBool("runtime.security.allow_network_access", true));
    }

    [Fact]
    public void UnparsableOverride_FailsNamingTheVariable()
    {
        var r = Load("", new Dictionary<string, string> { ["LLMSPELL__RUNTIME__SCRIPT_TIMEOUT_SECONDS"] = "soon" });
        Assert.Equal("configuration error: environment variable LLMSPELL__RUNTIME__SCRIPT_TIMEOUT_SECONDS: expects an integer", r.Errors[0]);
    }

    [Fact]
    public void ProviderVariables_CreateEntries()
    {
        var c = Load("", new Dictionary<string, string> { ["LLMSPELL_PROVIDER_GROQ_API_KEY"] = "k", ["LLMSPELL_PROVIDER_LOCAL_TYPE"] = "openai", ["LLMSPELL_PROVIDER_LOCAL_BASE_URL"] = "http://127.0.0.1:1/v1" }).Config;
        Assert.Equal("k", c.GetString("providers.groq.api_key"));
        Assert.Equal("http://127.0.0.1:1/v1", c.GetString("providers.local.base_url"));
    }

    [Theory]
    [InlineData("[providers.openai]\ntemperature = 3.5\n", "providers.openai.temperature: must be between 0 and 2")]
    [InlineData("[tools.file_operations]\nallowed_paths = []\n", "tools.file_operations.allowed_paths: must not be empty")]
    [InlineData("[rag.chunking]\nchunk_size = 100\noverlap = 100\n", "rag.chunking.overlap: must be smaller")]
    [InlineData("[rag.vector_storage]\ndimensions = 0\n", "rag.vector_storage.dimensions: must be between 1 and 8192")]
    [InlineData("[runtime.state_persistence]\nbackend_type = \"postgres\"\n", "connection_string: is required")]
    [InlineData("[rag.embedding]\ndefault_provider = \"anthropic\"\n", "has no embeddings")]
    [InlineData("default_engine = \"javascript\"\n", "only 'lua' is supported")]
    [InlineData("[events.filtering]\ninclude_types = [\"a.*\"]\nexclude_types = [\"a.*\"]\n", "appears in both")]
    public void SemanticValidation_ReportsKeyAndReason(string toml, string expected)
    {
        var r = Load(toml);
        Assert.False(r.IsValid);
        Assert.Contains(r.Errors, e => e.StartsWith("invalid configuration: ", StringComparison.Ordinal) && e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownProviderType_IsIgnoredWithWarning()
    {
        var r = Load("[providers.azure]\napi_key = \"x\"\n");
        Assert.True(r.IsValid);
        Assert.Contains("provider 'azure': no provider_type and 'azure' is not a known provider type; entry ignored", r.Warnings);
    }

    [Fact]
    public void Redacted_HidesSecrets()
    {
        var c = Load("[providers.openai]\napi_key = \"sk-secret\"\n[tools.email]\nsmtp_password = \"pw\"\n").Config;
        var red = c.Redacted();
        Assert.Null(red["providers"]!["openai"]!["api_key"]);
        Assert.True(red["providers"]!["openai"]!["has_api_key"]!.GetValue<bool>());
        Assert.Equal("***", red["tools"]!["email"]!["smtp_password"]!.GetValue<string>());
    }

    [Fact]
    public void RunTimeLimit_IsFirstNonZeroOfTheThreeKeys()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(1500), Load("[engines.lua]\ntimeout_ms = 1500\n[runtime.security]\nmax_execution_time_ms = 9\n").Config.RunTimeLimit);
        Assert.Equal(TimeSpan.FromSeconds(2), Load("[runtime]\nscript_timeout_seconds = 2\n[engines.lua]\ntimeout_ms = 1500\n").Config.RunTimeLimit);
        Assert.Null(Load("").Config.RunTimeLimit);
    }

    [Fact]
    public void StatePersistence_EnabledWithoutBackend_IsEmbeddedSqlite_NoConfigIsMemory()
    {
        var c = Load("[runtime.state_persistence]\nenabled = true\n").Config;
        Assert.Equal("sqlite", c.GetString("runtime.state_persistence.backend_type"));
        Assert.Equal("./.llmspell/llmspell.db", c.GetString("runtime.state_persistence.path"));
        Assert.Equal("sqlite", c.GetString("runtime.sessions.storage_backend"));
        Assert.Equal("memory", Load("").Config.GetString("runtime.state_persistence.backend_type"));
        Assert.Equal("memory", Load("[runtime.state_persistence]\nenabled = true\nbackend_type = \"memory\"\n").Config.GetString("runtime.state_persistence.backend_type"));
    }
}
