using KeraLua;
using LlmSpell.Runtime;

namespace LlmSpell.Scripting.Lua;

public sealed partial class LuaEngine : IScriptIntrospection
{
    long IScriptIntrospection.ScriptMemoryBytes => MemoryInUse;

    /// <summary>The script's frames (the binding's own wrapper frames are skipped), innermost first.</summary>
    public IReadOnlyList<ScriptFrame> StackFrames(int maxDepth)
    {
        var l = _bridge.Current;
        var frames = new List<ScriptFrame>();
        var ar = new LuaDebug();
        for (var level = 0; frames.Count < maxDepth && l.GetStack(level, ref ar) != 0; level++)
        {
            if (!l.GetInfo("Sln", ref ar) || ar.Source == "=[llmspell]")
            {
                continue;
            }

            if (ar.What == "C" && frames.Count == 0)
            {
                continue;
            }

            frames.Add(new ScriptFrame(ar.ShortSource, ar.CurrentLine, string.IsNullOrEmpty(ar.Name) ? null : ar.Name, ar.What));
        }

        return frames;
    }
}
