namespace LlmSpell.Scripting.Lua;

/// <summary>Typed limits and library selection for one Lua state (runtime.md §10).</summary>
public sealed record LuaEngineOptions
{
    /// <summary>all | standard | basic | none.</summary>
    public string StandardLibraries { get; init; } = "all";

    /// <summary>unrestricted | privileged | safe.</summary>
    public string SecurityLevel { get; init; } = "unrestricted";

    /// <summary>False removes os.execute and io.popen.</summary>
    public bool AllowProcessSpawn { get; init; } = true;

    /// <summary>Allocation limit in bytes (0 = unlimited); exceeding it raises "not enough memory".</summary>
    public long MaxMemoryBytes { get; init; }

    /// <summary>VM instruction budget (0 = unlimited), checked every <see cref="HookInterval"/> instructions.</summary>
    public long MaxInstructions { get; init; }

    /// <summary>Instructions between cancellation checks (the spec requires at most 10 000).</summary>
    public int HookInterval { get; init; } = 10_000;

    /// <summary>Capture a Lua traceback when the script fails (-v, --debug).</summary>
    public bool CaptureTraceback { get; init; }

    /// <summary>
    /// Route stdout through the C stdio stream of io.stdout (the CLI does, so print and io.write share
    /// one buffer). In-process hosts such as tests keep the run's own streams instead.
    /// </summary>
    public bool UseProcessStdout { get; init; } = true;

    /// <summary>Seed for math.random (LLMSPELL_RANDOM_SEED).</summary>
    public long? RandomSeed { get; init; }
}
