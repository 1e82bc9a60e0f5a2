using System.Text.Json.Nodes;
using LlmSpell.Security;
using LlmSpell.TestUtilities;
using Microsoft.Extensions.Time.Testing;

namespace LlmSpell.Core.Tests.Security;

/// <summary>The API key store file: round trip, permissions, atomic replace, corruption, expiry, audit (cli-and-config.md §2.9).</summary>
public sealed class KeyStoreTests
{
    private const string Key = "sk-test-secret-0123456789abcd";

    private static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Add_ThenList_RoundTripsWithTheKeyOnlyMasked()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(Start);
        var store = new KeyStore(dir.File("keys.json"), time);

        store.Add("openai", Key);
        var reopened = new KeyStore(dir.File("keys.json"), time);

        var entry = Assert.Single(reopened.List());
        Assert.Equal("openai", entry.Service);
        Assert.Equal("sk-…abcd", entry.MaskedKey);
        Assert.Equal(Start, entry.CreatedAt);
        Assert.Null(entry.ExpiresAt);
        Assert.Null(entry.LastUsedAt);
        Assert.False(entry.Expired);
        Assert.Equal(Key, reopened.GetKey("openai"));
        Assert.Null(reopened.GetKey("anthropic"));
    }

    [Fact]
    public void Add_CreatesOwnerOnlyFileAndDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix permissions");
            return;
        }

        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "nested", "keys.json");

        new KeyStore(path, TimeProvider.System).Add("openai", Key);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Write_ReplacesTheFileAtomically_OldReadersSeeTheOldStoreAndNoTempFilesRemain()
    {
        using var dir = new TempDirectory();
        var path = dir.File("keys.json");
        var store = new KeyStore(path, TimeProvider.System);
        store.Add("openai", Key);
        var before = File.ReadAllText(path);

        // A writer that truncated and rewrote the file in place would change what this open handle reads.
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        store.Add("anthropic", "sk-ant-second-key-99999");
        using var text = new StreamReader(reader);

        Assert.Equal(before, text.ReadToEnd());
        Assert.Equal(["keys.json", "keys.json.lock"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(2, store.List().Count);
    }

    [Fact]
    public void Write_WhenTheDirectoryCannotBeWritten_KeepsTheOldStoreIntact()
    {
        using var dir = new TempDirectory();
        var blocker = dir.Write("not-a-dir", "x");
        var store = new KeyStore(Path.Combine(blocker, "keys.json"), TimeProvider.System);

        var ex = Assert.Throws<KeyStoreException>(() => store.Add("openai", Key));

        Assert.Contains(Path.Combine(blocker, "keys.json"), ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.Message, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(blocker));
    }

    [Theory]
    [InlineData("{ \"keys\": { \"openai\": ")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"keys\": [] }")]
    public void CorruptFile_FailsNamingFileAndCause_AndIsNeverOverwritten(string content)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("keys.json", content);
        var store = new KeyStore(path, TimeProvider.System);

        var add = Assert.Throws<KeyStoreException>(() => store.Add("openai", Key));
        var list = Assert.Throws<KeyStoreException>(() => store.List());

        Assert.StartsWith($"key store {path} is corrupt: ", add.Message, StringComparison.Ordinal);
        Assert.EndsWith("fix or remove the file", add.Message, StringComparison.Ordinal);
        Assert.Equal(add.Message, list.Message);
        Assert.Equal(content, File.ReadAllText(path));
    }

    [Fact]
    public async Task ConcurrentWriters_NeverLoseEachOthersChanges()
    {
        using var dir = new TempDirectory();
        var path = dir.File("keys.json");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => new KeyStore(path, TimeProvider.System).Add($"svc{i}", Key), TestContext.Current.CancellationToken)));

        Assert.Equal(8, new KeyStore(path, TimeProvider.System).List().Count);
        Assert.Equal(8, new KeyStore(path, TimeProvider.System).Audit(100).Count);
    }

    [Fact]
    public void Expires_AfterTheGivenDays_KeyIsNoLongerUsedAndListedAsExpired()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(Start);
        var store = new KeyStore(dir.File("keys.json"), time);
        store.Add("openai", Key, expiresDays: 2);

        time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(Key, store.GetKey("openai"));
        Assert.False(store.List()[0].Expired);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(store.GetKey("openai"));
        var entry = Assert.Single(store.List());
        Assert.True(entry.Expired);
        Assert.Equal(Start.AddDays(2), entry.ExpiresAt);
    }

    [Fact]
    public void Rotate_ReplacesKeyCountsRotationAndRenewsLifetime()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(Start);
        var store = new KeyStore(dir.File("keys.json"), time);
        store.Add("openai", Key, expiresDays: 10);
        time.Advance(TimeSpan.FromDays(5));

        var info = store.Rotate("openai", "sk-rotated-key-000000wxyz");

        Assert.Equal("sk-…wxyz", info.MaskedKey);
        Assert.Equal(1, info.RotationCount);
        Assert.Equal(Start.AddDays(5), info.RotatedAt);
        Assert.Equal(Start.AddDays(15), info.ExpiresAt);
        Assert.Equal(Start, info.CreatedAt);
        Assert.Equal("sk-rotated-key-000000wxyz", store.GetKey("openai"));
    }

    [Fact]
    public void RotateAndRemove_UnknownService_FailWithoutCreatingEntries()
    {
        using var dir = new TempDirectory();
        var store = new KeyStore(dir.File("keys.json"), TimeProvider.System);

        Assert.Equal("no API key stored for 'openai'", Assert.Throws<KeyStoreException>(() => store.Rotate("openai", Key)).Message);
        Assert.Equal("no API key stored for 'openai'", Assert.Throws<KeyStoreException>(() => store.Remove("openai")).Message);
        Assert.Empty(store.List());
        Assert.Empty(store.Audit(10));
    }

    [Theory]
    [InlineData("")]
    [InlineData("open ai")]
    [InlineData("a/b")]
    [InlineData("ключ")]
    public void Add_InvalidServiceName_Fails(string service)
    {
        using var dir = new TempDirectory();
        var store = new KeyStore(dir.File("keys.json"), TimeProvider.System);

        var ex = Assert.Throws<KeyStoreException>(() => store.Add(service, Key));

        Assert.StartsWith("invalid service name", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("keys.json")));
    }

    [Fact]
    public void Add_OverlongServiceName_IsNotEchoed()
    {
        using var dir = new TempDirectory();
        var store = new KeyStore(dir.File("keys.json"), TimeProvider.System);
        var keyLike = "sk-" + new string('a', 70);

        var ex = Assert.Throws<KeyStoreException>(() => store.Add(keyLike, "openai"));

        Assert.DoesNotContain(keyLike, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_RecordsEveryActionNewestFirst_AndNeverContainsAKey()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(Start);
        var path = dir.File("keys.json");
        var store = new KeyStore(path, time);

        store.Add("openai", Key);
        time.Advance(TimeSpan.FromSeconds(1));
        store.Rotate("openai", "sk-second-secret-000000zz");
        time.Advance(TimeSpan.FromSeconds(1));
        store.RecordUse("openai");
        time.Advance(TimeSpan.FromSeconds(1));
        store.ImportEnvironment([new("LLMSPELL_API_KEY_GROQ", "gsk-third-secret-00000")]);
        time.Advance(TimeSpan.FromSeconds(1));
        store.Remove("openai");

        var events = store.Audit(10);
        Assert.Equal(["remove", "load-env", "use", "rotate", "add"], events.Select(e => e.Action));
        Assert.Equal(["openai", "groq", "openai", "openai", "openai"], events.Select(e => e.Service));
        Assert.Equal("LLMSPELL_API_KEY_GROQ", events[1].Detail);
        Assert.Equal(Start.AddSeconds(4), events[0].At);
        Assert.Equal(["remove", "load-env"], store.Audit(2).Select(e => e.Action));
        var auditJson = JsonNode.Parse(File.ReadAllText(path))!["audit"]!.ToJsonString();
        foreach (var secret in new[] { Key, "sk-second-secret-000000zz", "gsk-third-secret-00000" })
        {
            Assert.DoesNotContain(secret, auditJson, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, string.Join("\n", events), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Audit_KeepsOnlyTheLatestThousandEvents()
    {
        using var dir = new TempDirectory();
        var path = dir.File("keys.json");
        var events = new JsonArray();
        for (var i = 0; i < 1000; i++)
        {
            events.Add(new JsonObject { ["at"] = "2030-01-01T00:00:00.000Z", ["action"] = "use", ["service"] = "old" + i });
        }

        File.WriteAllText(path, new JsonObject { ["version"] = 1, ["keys"] = new JsonObject(), ["audit"] = events }.ToJsonString());
        var store = new KeyStore(path, TimeProvider.System);

        store.Add("openai", Key);

        var all = store.Audit(5000);
        Assert.Equal(1000, all.Count);
        Assert.Equal("openai", all[0].Service);
        Assert.Equal("old1", all[^1].Service);
    }

    [Fact]
    public void ImportEnvironment_TakesPrefixedNonEmptyVariables_LowerCasingTheService()
    {
        using var dir = new TempDirectory();
        var store = new KeyStore(dir.File("keys.json"), TimeProvider.System);

        var imported = store.ImportEnvironment(
        [
            new("LLMSPELL_API_KEY_OPENAI", Key),
            new("LLMSPELL_API_KEY_Anthropic", "sk-ant-0000000000001111"),
            new("LLMSPELL_API_KEY_EMPTY", ""),
            new("LLMSPELL_API_KEY_", "sk-nameless-0000000000"),
            new("OTHER_API_KEY_X", "sk-other-000000000000"),
        ]);

        Assert.Equal(["anthropic", "openai"], imported);
        Assert.Equal(Key, store.GetKey("openai"));
        Assert.Equal("sk-ant-0000000000001111", store.GetKey("anthropic"));
        Assert.Equal(2, store.List().Count);
    }

    [Theory]
    [InlineData("sk-proj-abcdefghijklmnopa1b2", "sk-…a1b2")]
    [InlineData("abcdefghijkl", "abc…ijkl")]
    [InlineData("abcdefghijk", "********")]
    [InlineData("sk-1", "********")]
    [InlineData("", "********")]
    public void Mask_ShowsThreeAndFourCharacters_ShortKeysFully(string key, string expected) =>
        Assert.Equal(expected, KeyMask.Mask(key));

    [Fact]
    public void DefaultPath_PrefersTheVariable_ThenHome()
    {
        var home = Path.Combine("/home", "u");
        Assert.Equal("/x/k.json", KeyStore.DefaultPath(n => n == "LLMSPELL_KEYS_FILE" ? "/x/k.json" : home));
        Assert.Equal(Path.Combine(home, ".llmspell", "keys.json"), KeyStore.DefaultPath(n => n == "HOME" ? home : null));
        Assert.Null(KeyStore.DefaultPath(_ => null));
    }
}
