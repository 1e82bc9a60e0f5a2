namespace LlmSpell.Scripting;

/// <summary>
/// An object handed to scripts (agents, builders, workflows, hook handles, timers). The engine
/// shows it as an opaque value whose methods and fields come from <see cref="Type"/>.
/// </summary>
public abstract class ScriptObject
{
    /// <summary>The type descriptor shared by every instance of this kind.</summary>
    public abstract ScriptObjectType Type { get; }

    /// <summary>Text for tostring, e.g. "Agent(writer)".</summary>
    public virtual string DisplayText => Type.Name;
}
