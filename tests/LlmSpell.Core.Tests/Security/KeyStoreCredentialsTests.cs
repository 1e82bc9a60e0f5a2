using LlmSpell.Security;
using LlmSpell.TestUtilities;
using Microsoft.Extensions.Time.Testing;

namespace LlmSpell.Core.Tests.Security;

/// <summary>The key store as a run's last credential source: lazy, tolerant of unreadable stores.</summary>
public sealed class KeyStoreCredentialsTests
{
    private const string Key = "sk-test-secret-0123456789abcd";

    [Fact]
    public void Find_MissingStore_IsAbsentAndCreatesNothing()
    {
        using var dir = new TempDirectory();
        var credentials = new KeyStoreCredentials(dir.File("keys.json"), TimeProvider.System);

        Assert.Null(credentials.Find("openai"));
        Assert.Null(credentials.Problem);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Find_CorruptStore_IsAbsentWithTheReasonKept()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("keys.json", "{ broken");
        var logged = new List<string>();
        var credentials = new KeyStoreCredentials(path, TimeProvider.System, logged.Add);

        Assert.Null(credentials.Find("openai"));

        Assert.StartsWith($"key store {path} is corrupt", credentials.Problem, StringComparison.Ordinal);
        Assert.Equal([credentials.Problem!], logged);
    }

    [Fact]
    public void Find_ReadsTheStoreOnceAndSkipsExpiredKeys()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60));
        var store = new KeyStore(dir.File("keys.json"), time);
        store.Add("openai", Key, expiresDays: 1);
        var credentials = new KeyStoreCredentials(store.FilePath, time);

        Assert.Equal(Key, credentials.Find("openai"));
        File.Delete(store.FilePath);
        Assert.Equal(Key, credentials.Find("openai"));
        time.Advance(TimeSpan.FromDays(1));
        Assert.Null(credentials.Find("openai"));
    }

    [Fact]
    public void RecordUse_StampsLastUsedOncePerRun()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60));
        var store = new KeyStore(dir.File("keys.json"), time);
        store.Add("openai", Key);
        var credentials = new KeyStoreCredentials(store.FilePath, time);
        time.Advance(TimeSpan.FromMinutes(1));

        credentials.RecordUse("openai");
        credentials.RecordUse("openai");

        Assert.Equal(time.GetUtcNow(), store.List()[0].LastUsedAt);
        Assert.Equal(["use", "add"], store.Audit(10).Select(e => e.Action));
    }

    [Fact]
    public void RecordUse_UnwritableStore_OnlyLogs()
    {
        using var dir = new TempDirectory();
        var blocker = dir.Write("file", "x");
        var logged = new List<string>();
        var credentials = new KeyStoreCredentials(Path.Combine(blocker, "keys.json"), TimeProvider.System, logged.Add);

        credentials.RecordUse("openai");

        Assert.Contains("could not record use of 'openai'", Assert.Single(logged), StringComparison.Ordinal);
    }
}
