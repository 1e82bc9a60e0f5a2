using LlmSpell.Agents;
using LlmSpell.Security;
using LlmSpell.TestUtilities;

namespace LlmSpell.Providers.Tests;

/// <summary>The key store as the last credential source (behaviours.md §1.4).</summary>
public sealed class StoredKeyTests
{
    private const string Stored = "sk-stored-key-0000000001";

    [Fact]
    public void Build_NoConfigOrEnvironmentKey_UsesTheStoredKeyAndRecordsTheUse()
    {
        using var dir = new TempDirectory();
        var store = Store(dir, ("openai", Stored));
        using var kit = new AgentTestKit("", storedKeys: new KeyStoreCredentials(store.FilePath, TimeProvider.System));

        var agent = kit.Build("a", "openai/gpt-4o-mini");

        Assert.Equal(Stored, agent.Settings!.ApiKey);
        Assert.NotNull(store.List()[0].LastUsedAt);
        Assert.Equal("use", store.Audit(1)[0].Action);
    }

    [Fact]
    public void Build_EnvironmentOrConfigKey_WinsOverTheStore_WhichIsNeverRead()
    {
        using var dir = new TempDirectory();
        var corrupt = dir.Write("keys.json", "{ not json");
        var keys = new KeyStoreCredentials(corrupt, TimeProvider.System);
        using var kit = new AgentTestKit("[providers.work]\nprovider_type = \"openai\"\napi_key = \"sk-config\"\n",
            new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-env" }, storedKeys: keys);

        Assert.Equal("sk-env", kit.Build("a", "openai/gpt-4o-mini").Settings!.ApiKey);
        Assert.Equal("sk-config", kit.Build("b", "work/gpt-4o-mini").Settings!.ApiKey);
        Assert.Null(keys.Problem);
    }

    [Fact]
    public void Build_BuilderKey_WinsAndRecordsNoUse()
    {
        using var dir = new TempDirectory();
        var store = Store(dir, ("openai", Stored));
        using var kit = new AgentTestKit("", storedKeys: new KeyStoreCredentials(store.FilePath, TimeProvider.System));

        var agent = kit.Build("a", "openai/gpt-4o-mini", c => c.ApiKey = "sk-builder");

        Assert.Equal("sk-builder", agent.Settings!.ApiKey);
        Assert.Null(store.List()[0].LastUsedAt);
    }

    [Fact]
    public void Build_EntryNamedStoreKeyWins_TypeKeyIsOfferedOnlyForTheVendorEndpoint()
    {
        using var dir = new TempDirectory();
        var store = Store(dir, ("openai", Stored), ("work", "sk-work-key-000000002"), ("anthropic", "sk-ant-stored-000000003"));
        var toml = "[providers.work]\nprovider_type = \"openai\"\n[providers.team]\nprovider_type = \"openai\"\n"
            + "[providers.local]\nprovider_type = \"openai\"\nbase_url = \"http://127.0.0.1:1/v1\"\n"
            + "[providers.proxy]\nprovider_type = \"anthropic\"\nbase_url = \"http://127.0.0.1:1\"\n";
        using var kit = new AgentTestKit(toml, storedKeys: new KeyStoreCredentials(store.FilePath, TimeProvider.System));

        Assert.Equal("sk-work-key-000000002", kit.Build("w", "work/gpt-4o-mini").Settings!.ApiKey);
        Assert.Equal(Stored, kit.Build("t", "team/gpt-4o-mini").Settings!.ApiKey);
        Assert.Null(kit.Build("l", "local/llama").Settings!.ApiKey);
        var ex = Assert.Throws<AgentException>(() => kit.Build("p", "proxy/claude-3-5-haiku-latest"));
        Assert.Contains("provider 'proxy' has no API key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CorruptStoreAndNoKey_ErrorNamesVariableCommandAndStoreProblem()
    {
        using var dir = new TempDirectory();
        var corrupt = dir.Write("keys.json", "{ not json");
        using var kit = new AgentTestKit("", storedKeys: new KeyStoreCredentials(corrupt, TimeProvider.System));

        var ex = Assert.Throws<AgentException>(() => kit.Build("a", "anthropic/claude-3-5-haiku-latest"));

        Assert.Contains("set the ANTHROPIC_API_KEY environment variable", ex.Message, StringComparison.Ordinal);
        Assert.Contains("or run 'llmspell keys add anthropic <key>'", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"(key store {corrupt} is corrupt:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListedNames_StoredVendorKey_MakesTheProviderListed()
    {
        using var dir = new TempDirectory();
        var store = Store(dir, ("anthropic", "sk-ant-stored-000000003"));
        using var kit = new AgentTestKit("", storedKeys: new KeyStoreCredentials(store.FilePath, TimeProvider.System));

        var names = ProviderTables.ListedNames(kit.Hub.Resolver, _ => null, []);

        Assert.Equal(["anthropic"], names);
    }

    private static KeyStore Store(TempDirectory dir, params (string Service, string Key)[] keys)
    {
        var store = new KeyStore(dir.File("keys.json"), TimeProvider.System);
        foreach (var (service, key) in keys)
        {
            store.Add(service, key);
        }

        return store;
    }
}
