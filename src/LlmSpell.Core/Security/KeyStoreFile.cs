using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Security;

/// <summary>
/// The key store's file: read, atomic replace (temp file in the same directory, then rename, so a
/// crash never leaves a half-written store), owner-only permissions (file 0600, directory 0700) and a
/// lock file serialising read-modify-write between processes.
/// </summary>
internal static class KeyStoreFile
{
    private const UnixFileMode FileMode600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode DirMode700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(5);

    /// <summary>The store document, or null when the file does not exist.</summary>
    /// <exception cref="KeyStoreException">The file exists but cannot be read or is not a key store.</exception>
    public static JsonObject? Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KeyStoreException($"cannot read key store {path}: {ex.Message}", ex);
        }

        JsonNode? node;
        try
        {
            node = JsonText.Parse(text);
        }
        catch (JsonParseException ex)
        {
            throw new KeyStoreException($"key store {path} is corrupt: {ex.Message}; fix or remove the file", ex);
        }

        if (node is not JsonObject doc || (doc["keys"] is not null and not JsonObject) || (doc["audit"] is not null and not JsonArray))
        {
            throw new KeyStoreException($"key store {path} is corrupt: expected an object with a \"keys\" object and an \"audit\" array; fix or remove the file");
        }

        return doc;
    }

    /// <summary>Replaces the file atomically with <paramref name="doc"/>; the new file is readable by the owner only.</summary>
    public static void Write(string path, JsonObject doc)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            CreateDirectory(dir);
            using (var stream = new FileStream(temp, Options(FileMode.CreateNew, FileAccess.Write, FileShare.None)))
            {
                stream.Write(Encoding.UTF8.GetBytes(JsonText.Pretty(doc, keepOrder: true) + "\n"));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new KeyStoreException($"cannot write key store {path}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Holds an exclusive lock on <c>&lt;path&gt;.lock</c> (FileShare.None takes an OS file lock on
    /// every platform) so two processes updating the store never lose each other's changes.
    /// </summary>
    public static IDisposable Lock(string path)
    {
        var full = Path.GetFullPath(path);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                CreateDirectory(Path.GetDirectoryName(full)!);
                return new FileStream(full + ".lock", Options(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (waited.Elapsed < LockWait)
            {
                Thread.Sleep(25);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new KeyStoreException($"cannot lock key store {path}: {ex.Message}", ex);
            }
        }
    }

    private static FileStreamOptions Options(FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode600;
        }

        return options;
    }

    private static void CreateDirectory(string dir)
    {
        if (Directory.Exists(dir))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dir);
        }
        else
        {
            Directory.CreateDirectory(dir, DirMode700);
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stray temp file holds at most a copy of the store, with mode 0600.
        }
    }
}
