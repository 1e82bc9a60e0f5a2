namespace LlmSpell.TestUtilities;

/// <summary>Locations in the repository, found from the test binary upwards.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !(File.Exists(Path.Combine(dir.FullName, "global.json")) && File.Exists(Path.Combine(dir.FullName, "llmspell"))))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    });

    public static string Root => LazyRoot.Value;

    public static string Launcher => Path.Combine(Root, "llmspell");

    public static string Examples => Path.Combine(Root, "examples");

    public static string ScriptTests => Path.Combine(Root, "tests", "scripts");
}
