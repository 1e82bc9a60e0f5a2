using LlmSpell.TestUtilities;

namespace LlmSpell.Cli.Tests;

/// <summary>Configuration as the CLI reports it: discovery, warnings, errors, validate, init, info.</summary>
public sealed class ConfigCommandTests
{
    private static string ConfigDir => Path.Combine(RepoPaths.Examples, "script-users", "configs");

    public static TheoryData<string> ShippedConfigs() => new(Directory.GetFiles(Path.Combine(RepoPaths.Examples, "script-users", "configs"), "*.toml").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(ShippedConfigs))]
    public void ShippedConfig_LoadsWithoutWarnings(string file)
    {
        var r = CliProcess.Run("-c", Path.Combine(ConfigDir, file), "exec", "return Config.get('default_engine')");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("", r.Stderr);
        Assert.Equal("lua\n", r.Stdout);
    }

    [Fact]
    public void MissingConfigFile_FailsClearly()
    {
        var r = CliProcess.Run("-c", "/tmp/does-not-exist.toml", "exec", "print(1)");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("Error: configuration file not found: /tmp/does-not-exist.toml\n", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void InvalidToml_FailsWithFileLineColumn()
    {
        using var dir = new TempDirectory();
        var cfg = dir.Write("bad.toml", "[runtime]\nscript_timeout_seconds = = 3\n");
        var r = CliProcess.Run("-c", cfg, "exec", "print(1)");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith($"Error: configuration error: {cfg}:2:", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void WrongTypes_AreAllReported()
    {
        using var dir = new TempDirectory();
        var cfg = dir.Write("types.toml", "[runtime]\nscript_timeout_seconds = \"soon\"\n[rag.vector_storage]\ndimensions = true\n");
        var r = CliProcess.Run("-c", cfg, "exec", "print(1)");
        Assert.Equal(1, r.ExitCode);
        var lines = r.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal($"Error: configuration error: {cfg}:2:1: 'runtime.script_timeout_seconds' expects an integer, found a string", lines[0]);
        Assert.Equal($"Error: configuration error: {cfg}:4:1: 'rag.vector_storage.dimensions' expects an integer, found a boolean", lines[1]);
    }

    [Fact]
    public void UnknownKeys_WarnButTheRunContinues_AndQuietSuppresses()
    {
        using var dir = new TempDirectory();
        var cfg = dir.Write("old.toml", "[state]\nenabled = true\n[engines.lua]\nstdlib_level = \"Safe\"\n");
        var r = CliProcess.Run("-c", cfg, "exec", "print('ran')");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("ran\n", r.Stdout);
        Assert.Contains($"Warning: {cfg}:2:1: unknown configuration key 'state.enabled' (ignored)", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("'engines.lua.stdlib_level'", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("", CliProcess.Run("-q", "-c", cfg, "exec", "print('ran')").Stderr);
    }

    [Fact]
    public void Discovery_FindsLlmspellTomlInTheWorkingDirectory_AndEnvironmentVariable()
    {
        using var dir = new TempDirectory();
        dir.Write("llmspell.toml", "[runtime]\nmax_concurrency = 3\n");
        Assert.Equal("3\n", CliProcess.Run(["exec", "return Config.get('runtime.max_concurrency')"], workingDirectory: dir.Path).Stdout);
        var other = dir.Write("other.toml", "[runtime]\nmax_concurrency = 5\n");
        Assert.Equal("5\n", CliProcess.Run(["exec", "return Config.get('runtime.max_concurrency')"], new Dictionary<string, string?> { ["LLMSPELL_CONFIG"] = other }, workingDirectory: dir.Path).Stdout);
        Assert.Equal("8\n", CliProcess.Run(["--no-config", "exec", "return Config.get('runtime.max_concurrency')"], workingDirectory: dir.Path).Stdout);
    }

    [Fact]
    public void Validate_ReportsValidConfiguration()
    {
        var r = CliProcess.Run("-c", Path.Combine(ConfigDir, "example-providers.toml"), "validate");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Configuration validation:", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Status: ✓ Valid", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("provider 'openai': API key not available (set OPENAI_API_KEY)", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReportsEveryErrorAndExitsOne_JsonToo()
    {
        using var dir = new TempDirectory();
        var cfg = dir.Write("bad.toml", "[providers.openai]\ntemperature = 5.0\n[rag.vector_storage]\ndimensions = 0\n[runtime]\nlog_levels = 1\n");
        var r = CliProcess.Run("-c", cfg, "validate");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Status: ✗ Invalid", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("providers.openai.temperature: must be between 0 and 2 (found 5)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("rag.vector_storage.dimensions: must be between 1 and 8192 (found 0)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("unknown configuration key 'runtime.log_levels'", r.Stdout, StringComparison.Ordinal);
        var json = CliProcess.Run("-c", cfg, "--output", "json", "validate");
        Assert.Equal(1, json.ExitCode);
        var doc = System.Text.Json.Nodes.JsonNode.Parse(json.Stdout)!;
        Assert.False(doc["valid"]!.GetValue<bool>());
        Assert.Equal(2, doc["errors"]!.AsArray().Count);
    }

    [Fact]
    public void Init_WritesAStarterConfigThatValidates_AndRefusesToOverwrite()
    {
        using var dir = new TempDirectory();
        var path = dir.File("llmspell.toml");
        var r = CliProcess.Run("init", "-o", path, "--template", "state");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("backend_type = \"sqlite\"", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal(0, CliProcess.Run("-c", path, "validate").ExitCode);
        var again = CliProcess.Run("init", "-o", path);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal($"Error: {path} already exists; use --force to overwrite\n", again.Stderr);
        Assert.Equal(0, CliProcess.Run("init", "-o", path, "--force").ExitCode);
    }

    [Fact]
    public void Info_ShowsVersionEngineAndFeatures_AsTextAndJson()
    {
        var text = CliProcess.Run("--no-config", "info");
        Assert.Equal(0, text.ExitCode);
        Assert.StartsWith("llmspell 0.8.0\nEngine: lua - Lua 5.4\nConfiguration: (defaults)\n", text.Stdout, StringComparison.Ordinal);
        var json = System.Text.Json.Nodes.JsonNode.Parse(CliProcess.Run("--no-config", "--output", "json", "info", "--all").Stdout)!;
        Assert.Equal("0.8.0", json["version"]!.GetValue<string>());
        Assert.Equal("memory", json["state"]!["backend"]!.GetValue<string>());
        Assert.Contains("/tmp", json["sandbox_roots"]!.AsArray().Select(n => n!.GetValue<string>()));
    }
}
