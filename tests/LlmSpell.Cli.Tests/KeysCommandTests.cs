using System.Text.Json.Nodes;
using LlmSpell.TestUtilities;

namespace LlmSpell.Cli.Tests;

/// <summary><c>llmspell keys</c> and stored keys in runs, through the real CLI (cli-and-config.md §2.9, behaviours.md §1.4).</summary>
public sealed class KeysCommandTests : IDisposable
{
    private const string Key = "sk-test-stored-0123456789a1b2";

    private readonly TempDirectory _dir = new();

    private string StoreFile => _dir.File("store/keys.json");

    private Dictionary<string, string?> Env => new() { ["LLMSPELL_KEYS_FILE"] = StoreFile };

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AddThenList_ShowsOnlyTheMaskedKey()
    {
        var add = Keys("add", "openai", Key, "--expires", "30");
        var list = Keys("list");
        var details = Keys("list", "-d");

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.StartsWith("Stored API key for 'openai' (sk-…a1b2), expires ", add.Stdout, StringComparison.Ordinal);
        Assert.Equal("openai   sk-…a1b2\n", list.Stdout);
        Assert.Matches(@"^openai   sk-…a1b2\n    created: \d{4}-\d\d-\d\dT[\d:.]+Z  expires: \d{4}-\d\d-\d\dT[\d:.]+Z  last used: never  rotations: 0\n$", details.Stdout);
        AssertNoKeyPrinted(add, list, details);
        Assert.Contains(Key, File.ReadAllText(StoreFile), StringComparison.Ordinal);
    }

    [Fact]
    public void List_Empty_AndJson()
    {
        Assert.Equal("No stored API keys\n", Keys("list").Stdout);
        Keys("add", "anthropic", "sk-ant-0000000000000000wxyz");

        var json = Keys("--output", "json", "list", "--details");

        var entry = Assert.Single(JsonNode.Parse(json.Stdout)!.AsArray())!;
        Assert.Equal("anthropic", (string?)entry["service"]);
        Assert.Equal("sk-…wxyz", (string?)entry["masked_key"]);
        Assert.False((bool)entry["expired"]!);
        Assert.DoesNotContain("sk-ant-0000", json.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Rotate_ReplacesKey_AndUnknownServiceFails()
    {
        Keys("add", "openai", Key);

        var rotate = Keys("rotate", "openai", "sk-rotated-000000000000c3d4");
        var unknown = Keys("rotate", "nosuch", "sk-rotated-000000000000c3d4");

        Assert.Equal("Rotated API key for 'openai' (sk-…c3d4, rotation 1)\n", rotate.Stdout);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal("Error: no API key stored for 'nosuch'\n", unknown.Stderr);
        Assert.Equal("", unknown.Stdout);
        Assert.Contains("sk-rotated-000000000000c3d4", File.ReadAllText(StoreFile), StringComparison.Ordinal);
        AssertNoKeyPrinted(rotate, unknown);
    }

    [Fact]
    public void Remove_DeletesTheKey_AndUnknownServiceFails()
    {
        Keys("add", "openai", Key);

        var remove = Keys("remove", "openai");
        var again = Keys("remove", "openai");

        Assert.Equal("Removed API key for 'openai'\n", remove.Stdout);
        Assert.Equal("No stored API keys\n", Keys("list").Stdout);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal("Error: no API key stored for 'openai'\n", again.Stderr);
    }

    [Fact]
    public void Audit_ListsEventsNewestFirstWithoutKeys()
    {
        Keys("add", "openai", Key);
        Keys("rotate", "openai", "sk-rotated-000000000000c3d4");
        Keys("remove", "openai");

        var audit = Keys("audit");
        var limited = Keys("audit", "-l", "1");

        var actions = audit.Stdout.TrimEnd('\n').Split('\n').Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries)[1].Trim()).ToList();
        Assert.Equal(["remove", "rotate", "add"], actions);
        Assert.Single(limited.Stdout.TrimEnd('\n').Split('\n'));
        Assert.Contains("remove", limited.Stdout, StringComparison.Ordinal);
        AssertNoKeyPrinted(audit);
        Assert.DoesNotContain("sk-rotated-000000000000c3d4", audit.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadEnv_ImportsPrefixedVariablesLowerCased()
    {
        var env = Env;
        env["LLMSPELL_API_KEY_OPENAI"] = Key;
        env["MYKEYS_GROQ"] = "gsk-0000000000000000e5f6";

        var defaults = CliProcess.Run(["keys", "load-env"], env);
        var custom = CliProcess.Run(["keys", "load-env", "--prefix", "MYKEYS_"], env);

        Assert.Equal("Imported 1 API key: openai\n", defaults.Stdout);
        Assert.Equal("Imported 1 API key: groq\n", custom.Stdout);
        Assert.Equal("groq     gsk…e5f6\nopenai   sk-…a1b2\n", Keys("list").Stdout);
        AssertNoKeyPrinted(defaults, custom);
    }

    [Theory]
    [InlineData(2, "add", "openai")]
    [InlineData(2, "add", "openai", Key, "--expires", "soon")]
    [InlineData(2, "add", "openai", Key, "-e", "0")]
    [InlineData(2, "rotate", "openai")]
    [InlineData(2, "remove")]
    [InlineData(1, "add", "bad/name", Key)]
    [InlineData(1, "add", "openai", "")]
    public void BadInput_FailsWithOneErrorLineAndWritesNothing(int exitCode, params string[] args)
    {
        var r = Keys(args);

        Assert.Equal(exitCode, r.ExitCode);
        Assert.StartsWith("Error: ", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(StoreFile));
        AssertNoKeyPrinted(r);
    }

    [Fact]
    public void CorruptStore_IsReportedWithItsPathAndLeftAlone()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StoreFile)!);
        File.WriteAllText(StoreFile, "{ \"keys\": ");

        var r = Keys("add", "openai", Key);

        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith($"Error: key store {StoreFile} is corrupt: ", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("{ \"keys\": ", File.ReadAllText(StoreFile));
    }

    [Fact]
    public async Task StoredKey_AuthenticatesAgentRequests_AndEnvironmentKeyTakesPrecedence()
    {
        await using var server = await FakeLlmServer.StartAsync();
        Keys("add", "openai", Key);
        var env = Env;
        env["OPENAI_BASE_URL"] = server.OpenAiBase;
        const string script = "local a = Agent.builder():name('k'):model('openai/gpt-4o-mini'):build()\nreturn a:execute('hi').text";

        var stored = CliProcess.Run(["exec", script], env);
        env["OPENAI_API_KEY"] = "sk-from-environment-0001";
        var fromEnv = CliProcess.Run(["exec", script], env);

        Assert.True(stored.ExitCode == 0, stored.ToString());
        Assert.Equal("Echo: hi\n", stored.Stdout);
        Assert.Equal($"Bearer {Key}", server.Requests[0].Header("authorization"));
        Assert.True(fromEnv.ExitCode == 0, fromEnv.ToString());
        Assert.Equal("Bearer sk-from-environment-0001", server.Requests[1].Header("authorization"));
        AssertNoKeyPrinted(stored);
        var audit = Keys("audit", "-l", "1").Stdout;
        Assert.Contains("use", audit, StringComparison.Ordinal);
        Assert.Contains("last used: 2", Keys("list", "-d").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigKey_TakesPrecedenceOverTheStore()
    {
        await using var server = await FakeLlmServer.StartAsync();
        Keys("add", "openai", Key);
        var config = _dir.Write("c.toml", $"[providers.openai]\nprovider_type = \"openai\"\nbase_url = \"{server.OpenAiBase}\"\napi_key = \"sk-from-config-0002\"\n");

        var r = CliProcess.Run(["-c", config, "exec", "return Agent.builder():name('k'):model('openai/gpt-4o-mini'):build():execute('hi').text"], Env);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("Bearer sk-from-config-0002", server.Requests[0].Header("authorization"));
        Assert.DoesNotContain("use", Keys("audit").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Providers_CountsAStoredKeyAsAvailable()
    {
        Keys("add", "anthropic", "sk-ant-0000000000000000wxyz");

        var r = CliProcess.Run(["providers", "--detailed"], Env);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("• anthropic (anthropic) — built-in, API key: available", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("• openai (openai) — built-in, API key: missing (set OPENAI_API_KEY)", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-ant-0000", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithoutAnyKey_SuggestsTheKeysCommand()
    {
        var r = CliProcess.Run(["exec", "Agent.builder():name('k'):model('openai/gpt-4o-mini'):build()"], Env);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("set the OPENAI_API_KEY environment variable or providers.openai.api_key in the config, or run 'llmspell keys add openai <key>'", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_KeyFromStdin_KeepsItOffTheCommandLine()
    {
        var r = CliProcess.Run(["keys", "add", "openai", "-"], Env, stdin: Key + "\n");

        Assert.Equal("Stored API key for 'openai' (sk-…a1b2)\n", r.Stdout);
        Assert.Contains($"\"key\": \"{Key}\"", File.ReadAllText(StoreFile), StringComparison.Ordinal);
    }

    [Fact]
    public void ExpiredKey_IsListedAsExpiredAndNotUsed()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StoreFile)!);
        File.WriteAllText(StoreFile, $$"""
            { "version": 1, "keys": { "openai": { "key": "{{Key}}", "created_at": "2020-01-01T00:00:00.000Z", "expires_at": "2020-01-31T00:00:00.000Z", "expires_days": 30 } }, "audit": [] }
            """);

        var list = Keys("list");
        var build = CliProcess.Run(["exec", "Agent.builder():name('k'):model('openai/gpt-4o-mini'):build()"], Env);

        Assert.Equal("openai   sk-…a1b2  (expired)\n", list.Stdout);
        Assert.Equal(1, build.ExitCode);
        Assert.Contains("has no API key", build.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_StoredKey_SilencesTheMissingKeyWarning()
    {
        var config = _dir.Write("c.toml", "[providers.anthropic]\nprovider_type = \"anthropic\"\n");
        var before = CliProcess.Run(["-c", config, "validate"], Env);
        Keys("add", "anthropic", "sk-ant-0000000000000000wxyz");

        var after = CliProcess.Run(["-c", config, "validate"], Env);

        Assert.Contains("provider 'anthropic': API key not available (set ANTHROPIC_API_KEY)", before.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, after.ExitCode);
        Assert.DoesNotContain("API key not available", after.Stdout, StringComparison.Ordinal);
    }

    private CliResult Keys(params string[] args) => CliProcess.Run(["keys", .. args], Env);

    private static void AssertNoKeyPrinted(params CliResult[] results)
    {
        foreach (var r in results)
        {
            Assert.DoesNotContain(Key, r.Stdout + r.Stderr, StringComparison.Ordinal);
        }
    }
}
